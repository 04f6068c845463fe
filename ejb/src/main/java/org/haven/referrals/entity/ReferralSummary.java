package org.haven.referrals.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.haven.access.entity.StaffMember;
import org.haven.cases.entity.Consent;
import org.haven.cases.entity.SharedField;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.Resealing;
import org.haven.crypto.entity.Protected;

/**
 * The summary of a referral made when a supervisor approved it: the PDF the provider receives,
 * sealed with the survivor's key, and — in the clear, as codes — which of the survivor's fields it
 * holds and the consent that allowed them. Made once; erasure removes the document and keeps the
 * record that it existed.
 */
@Entity
@Table(name = "referral_summary")
public class ReferralSummary {

  @Id
  @Column(name = "referral_id")
  private Long referralId;

  @MapsId
  @OneToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "referral_id")
  private Referral referral;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "consent_id", updatable = false)
  private Consent consent;

  @Column(name = "fields", nullable = false, updatable = false, length = 400)
  private String fields;

  @Protected("referral.summary")
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "pdf")
  private byte[] pdf;

  @Column(name = "made_at", nullable = false, updatable = false)
  private Instant madeAt;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "made_by_id", nullable = false, updatable = false)
  private StaffMember madeBy;

  protected ReferralSummary() {}

  public ReferralSummary(
      Referral referral,
      Consent consent,
      Set<SharedField> fields,
      FieldCipher cipher,
      byte[] document,
      StaffMember madeBy,
      Instant at) {
    this.referral = Objects.requireNonNull(referral);
    this.consent = consent;
    this.fields = fields.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    this.pdf = cipher.sealBytes(record(), field(), document);
    this.madeBy = Objects.requireNonNull(madeBy);
    this.madeAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  public byte[] pdf(FieldCipher cipher) {
    return cipher.openBytes(record(), field(), pdf);
  }

  public boolean isErased() {
    return pdf == null;
  }

  public Set<SharedField> fields() {
    return fields.isEmpty()
        ? EnumSet.noneOf(SharedField.class)
        : Arrays.stream(fields.split(","))
            .map(SharedField::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(SharedField.class)));
  }

  public Optional<Consent> consent() {
    return Optional.ofNullable(consent);
  }

  /** Seals the document again with the survivor's new data key (a re-key). */
  public void reseal(Resealing r) {
    pdf = r.reseal(record(), field(), pdf);
  }

  private String record() {
    return referral.getSurvivorCase().getCaseNumber();
  }

  private String field() {
    // The referral's id is known before the summary exists, so the sealing names it directly.
    return "referral." + referral.getId() + ".summary";
  }

  public Referral getReferral() {
    return referral;
  }

  public Instant getMadeAt() {
    return madeAt;
  }

  public StaffMember getMadeBy() {
    return madeBy;
  }
}
