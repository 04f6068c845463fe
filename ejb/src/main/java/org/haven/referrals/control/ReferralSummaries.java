package org.haven.referrals.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.haven.access.entity.StaffMember;
import org.haven.cases.entity.Consent;
import org.haven.cases.entity.SharedField;
import org.haven.cases.entity.SurvivorCase;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.referrals.entity.Referral;
import org.haven.referrals.entity.ReferralSummary;

/**
 * Makes a referral's summary when a supervisor approves it, in the language the referring worker
 * chose: the survivor's fields that the consent the referral relies on names, and nothing of the
 * survivor when it shares no data.
 */
@ApplicationScoped
public class ReferralSummaries {

  @PersistenceContext EntityManager em;

  public ReferralSummary make(
      Referral referral, FieldCipher cipher, StaffMember approvedBy, Instant at) {
    SurvivorCase c = referral.getSurvivorCase();
    Consent consent = referral.isSharesData() ? referral.consent().orElse(null) : null;
    Set<SharedField> fields =
        consent == null ? EnumSet.noneOf(SharedField.class) : consent.sharedFields();
    ReferralSummaryText.Referral facts =
        new ReferralSummaryText.Referral(
            c.getCaseNumber(),
            referral.getId(),
            referral.getServiceType().getCode(),
            referral.getServiceType().getName(),
            referral.getProvider().getName(),
            referral.getUrgency(),
            referral.getCreatedBy().getDisplayName(),
            c.getOwningTeam(),
            approvedBy.getDisplayName(),
            at,
            referral.reason(cipher),
            consent == null ? null : consent.getGivenOn(),
            consent == null ? null : consent.getHowObtained());
    // Only what the consent names is opened at all.
    ReferralSummaryText.SurvivorData survivor =
        new ReferralSummaryText.SurvivorData(
            fields.isEmpty() ? null : c.identity(cipher),
            c.getSurvivor(),
            fields.contains(SharedField.EXPLOITATION) ? c.exploitation() : null,
            c.getRiskLevel());
    byte[] pdf = ReferralSummaryText.pdf(referral.getSummaryLanguage(), facts, survivor, fields);
    ReferralSummary summary =
        new ReferralSummary(referral, consent, fields, cipher, pdf, approvedBy, at);
    em.persist(summary);
    return summary;
  }
}
