package org.haven.referrals.boundary;

import java.time.Duration;
import java.time.Instant;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.referrals.entity.Referral;
import org.haven.referrals.entity.ReferralStatus;
import org.haven.referrals.entity.Urgency;

/** A referral as users in scope read it (REST and pages), taken whole in the transaction. */
public final class ReferralDetails {

  private final long id;
  private final String caseNumber;
  private final String serviceType;
  private final String serviceName;
  private final long providerId;
  private final String providerName;
  private final Urgency urgency;
  private final boolean sharesData;
  private final String summaryLanguage;
  private final Long consentId;
  private final ReferralStatus status;
  private final String reason;
  private final String returnReason;
  private final String answerNote;
  private final String createdBy;
  private final Instant createdAt;
  private final Instant submittedAt;
  private final Instant sentAt;
  private final Instant answerDueBy;
  private final Instant answeredAt;
  private final Instant closedAt;
  private final boolean overdue;
  private final long version;

  ReferralDetails(Referral r, FieldCipher cipher, Instant now) {
    this.id = r.getId();
    this.caseNumber = r.getSurvivorCase().getCaseNumber();
    this.serviceType = r.getServiceType().getCode();
    this.serviceName = r.getServiceType().getName();
    this.providerId = r.getProvider().getId();
    this.providerName = r.getProvider().getName();
    this.urgency = r.getUrgency();
    this.sharesData = r.isSharesData();
    this.summaryLanguage = r.getSummaryLanguage();
    this.consentId = r.consent().map(c -> c.getId()).orElse(null);
    this.status = r.getStatus();
    this.reason = cipher == null ? null : r.reason(cipher);
    this.returnReason = cipher == null ? null : r.returnReason(cipher);
    this.answerNote = cipher == null ? null : r.answerNote(cipher);
    this.createdBy = r.getCreatedBy().getUsername();
    this.createdAt = r.getCreatedAt();
    this.submittedAt = r.getSubmittedAt();
    this.sentAt = r.getSentAt();
    this.answerDueBy =
        r.getSentAt() == null
            ? null
            : r.getSentAt().plus(Duration.ofHours(r.getProvider().getResponseTimeHours()));
    this.answeredAt = r.getAnsweredAt();
    this.closedAt = r.getClosedAt();
    this.overdue = r.isOverdue(now);
    this.version = r.getVersion();
  }

  public long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getServiceType() {
    return serviceType;
  }

  public String getServiceName() {
    return serviceName;
  }

  public long getProviderId() {
    return providerId;
  }

  public String getProviderName() {
    return providerName;
  }

  public Urgency getUrgency() {
    return urgency;
  }

  public boolean isSharesData() {
    return sharesData;
  }

  public Long getConsentId() {
    return consentId;
  }

  /** The language the summary for the provider is written in: en, fr or ar. */
  public String getSummaryLanguage() {
    return summaryLanguage;
  }

  public ReferralStatus getStatus() {
    return status;
  }

  public String getReason() {
    return reason;
  }

  public String getReturnReason() {
    return returnReason;
  }

  public String getAnswerNote() {
    return answerNote;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  /** When the provider's agreed response time runs out, once sent. */
  public Instant getAnswerDueBy() {
    return answerDueBy;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public boolean isOverdue() {
    return overdue;
  }

  public long getVersion() {
    return version;
  }
}
