package org.haven.referrals.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.haven.access.boundary.AccessPolicy;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.boundary.ConsentWithdrawn;
import org.haven.cases.control.CaseRecords;
import org.haven.referrals.boundary.ReferralMoved;
import org.haven.referrals.entity.Referral;
import org.haven.referrals.entity.ReferralStatus;

/**
 * A survivor withdrew a consent: the referrals still waiting that relied on it are cancelled, in
 * the same transaction, each with the reason and an audit event. Referrals already sent are left as
 * they are: the data went with the survivor's consent at the time.
 */
@ApplicationScoped
public class ConsentWithdrawals {

  @PersistenceContext EntityManager em;
  @Inject CaseRecords records;
  @Inject AccessPolicy access;
  @Inject AuditTrail audit;
  @Inject Event<ReferralMoved> moved;

  void cancelWhatReliedOnIt(@Observes ConsentWithdrawn withdrawn) {
    List<Referral> relying =
        em.createQuery("select r from Referral r where r.consent.id = :consent", Referral.class)
            .setParameter("consent", withdrawn.consentId())
            .getResultList();
    for (Referral r : relying) {
      if (ReferralWorkflow.isPending(r.getStatus())) {
        ReferralStatus from = r.getStatus();
        r.moveTo(
            ReferralStatus.CANCELLED,
            access.actor(),
            Instant.now(),
            records.cipherFor(r.getSurvivorCase()),
            "The survivor withdrew the consent it relied on.");
        moved.fire(
            new ReferralMoved(r.getId(), from, ReferralStatus.CANCELLED, access.actor().getId()));
        audit.record(
            Entry.onCase(AuditAction.REFERRAL_TRANSITION, withdrawn.caseNumber())
                .details(
                    "referral "
                        + r.getId()
                        + "; from "
                        + from
                        + " to CANCELLED; consent "
                        + withdrawn.consentId()
                        + " withdrawn"));
      }
    }
  }
}
