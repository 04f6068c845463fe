package org.haven.cases.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.haven.access.entity.StaffMember;
import org.haven.cases.entity.Consent;
import org.haven.cases.entity.ConsentMethod;
import org.haven.cases.entity.ConsentType;
import org.haven.cases.entity.SharedField;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;

/**
 * A consent as users in scope read it (REST and pages alike), taken whole inside the boundary's
 * transaction: recipient and purpose opened (null once the survivor's data is erased).
 */
public final class ConsentDetails {

  private final long id;
  private final ConsentType type;
  private final String recipient;
  private final String purpose;
  private final Long providerId;
  private final String serviceType;
  private final List<SharedField> sharedFields;
  private final ConsentMethod howObtained;
  private final LocalDate givenOn;
  private final String recordedBy;
  private final Instant recordedAt;
  private final LocalDate withdrawnOn;
  private final String withdrawalRecordedBy;
  private final long version;

  ConsentDetails(Consent consent, FieldCipher cipher) {
    this.id = consent.getId();
    this.type = consent.getType();
    this.recipient = cipher == null ? null : consent.recipient(cipher);
    this.purpose = cipher == null ? null : consent.purpose(cipher);
    this.providerId = consent.provider().map(p -> p.getId()).orElse(null);
    this.serviceType = consent.serviceType().map(t -> t.getCode()).orElse(null);
    this.sharedFields = List.copyOf(consent.sharedFields());
    this.howObtained = consent.getHowObtained();
    this.givenOn = consent.getGivenOn();
    this.recordedBy = consent.getRecordedBy().getUsername();
    this.recordedAt = consent.getRecordedAt();
    this.withdrawnOn = consent.getWithdrawnOn();
    this.withdrawalRecordedBy =
        consent.withdrawalRecordedBy().map(StaffMember::getUsername).orElse(null);
    this.version = consent.getVersion();
  }

  public long getId() {
    return id;
  }

  public ConsentType getType() {
    return type;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getPurpose() {
    return purpose;
  }

  /** The provider of the directory a data-sharing consent names, if any. */
  public Long getProviderId() {
    return providerId;
  }

  /** The service a data-sharing consent names, if any. */
  public String getServiceType() {
    return serviceType;
  }

  /** For data sharing: the survivor's fields the recipient may receive (a referral's summary). */
  public List<SharedField> getSharedFields() {
    return sharedFields;
  }

  public ConsentMethod getHowObtained() {
    return howObtained;
  }

  public LocalDate getGivenOn() {
    return givenOn;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public LocalDate getWithdrawnOn() {
    return withdrawnOn;
  }

  public String getWithdrawalRecordedBy() {
    return withdrawalRecordedBy;
  }

  /** Given and not withdrawn: what a referral that shares data needs. */
  public boolean isActive() {
    return withdrawnOn == null;
  }

  public long getVersion() {
    return version;
  }
}
