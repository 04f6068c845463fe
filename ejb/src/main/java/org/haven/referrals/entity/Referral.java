package org.haven.referrals.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.haven.access.entity.StaffMember;
import org.haven.cases.entity.Consent;
import org.haven.cases.entity.SurvivorCase;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.Resealing;
import org.haven.crypto.entity.Protected;
import org.haven.services.entity.Provider;
import org.haven.services.entity.ServiceType;

/**
 * A referral of a survivor to a provider for a service: why (sealed), how urgent, whether it shares
 * the survivor's data (then it needs their consent for that provider and service, and a
 * supervisor's approval sends it). Overdue when the provider has not answered within its agreed
 * response time after sending.
 */
@Entity
@Table(name = "referral")
public class Referral {

  /** The languages a summary can be written in, as the table's check allows them. */
  public static final java.util.List<String> SUMMARY_LANGUAGES =
      java.util.List.of("en", "fr", "ar");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_id")
  @SequenceGenerator(name = "referral_id", sequenceName = "referral_id_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  private SurvivorCase survivorCase;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "service_code", nullable = false, updatable = false)
  private ServiceType serviceType;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "provider_id", nullable = false, updatable = false)
  private Provider provider;

  @Enumerated(EnumType.STRING)
  @Column(name = "urgency", nullable = false, length = 16)
  private Urgency urgency;

  @Column(name = "shares_data", nullable = false)
  private boolean sharesData;

  /** The language the summary is written in for the provider: en, fr or ar. */
  @Column(name = "summary_language", nullable = false, length = 8)
  private String summaryLanguage = "en";

  /** The consent the referral relies on to share data, once found. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "consent_id")
  private Consent consent;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private ReferralStatus status = ReferralStatus.DRAFT;

  @Protected("referral.reason")
  @Column(name = "reason")
  private byte[] reason;

  @Protected("referral.returnReason")
  @Column(name = "return_reason")
  private byte[] returnReason;

  @Protected("referral.answerNote")
  @Column(name = "answer_note")
  private byte[] answerNote;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "created_by_id", nullable = false, updatable = false)
  private StaffMember createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  /** When the people of the case were told it went unanswered past the provider's time. */
  @Column(name = "overdue_notified_at")
  private Instant overdueNotifiedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "last_changed_by_id")
  private StaffMember lastChangedBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Referral() {}

  public Referral(
      SurvivorCase survivorCase,
      ServiceType serviceType,
      Provider provider,
      Urgency urgency,
      boolean sharesData,
      StaffMember createdBy,
      Instant at) {
    this.survivorCase = Objects.requireNonNull(survivorCase);
    this.serviceType = Objects.requireNonNull(serviceType);
    this.provider = Objects.requireNonNull(provider);
    this.urgency = Objects.requireNonNull(urgency);
    this.sharesData = sharesData;
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  /** The summary for the provider is to be written in {@code language} (en, fr or ar). */
  public void writeSummaryIn(String language) {
    if (!SUMMARY_LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("no summary language " + language);
    }
    this.summaryLanguage = language;
  }

  public String getSummaryLanguage() {
    return summaryLanguage;
  }

  /** Seals why the survivor is referred; after persist, the associated data names the id. */
  public void explain(FieldCipher cipher, String text) {
    reason = cipher.seal(record(), field("reason"), text);
  }

  public String reason(FieldCipher cipher) {
    return cipher.open(record(), field("reason"), reason);
  }

  public String returnReason(FieldCipher cipher) {
    return cipher.open(record(), field("returnReason"), returnReason);
  }

  public String answerNote(FieldCipher cipher) {
    return cipher.open(record(), field("answerNote"), answerNote);
  }

  /** Moves the referral; the workflow's table has allowed it. */
  public void moveTo(
      ReferralStatus to, StaffMember by, Instant at, FieldCipher cipher, String why) {
    Instant when = at.truncatedTo(ChronoUnit.MICROS);
    switch (to) {
      case PENDING_APPROVAL -> submittedAt = when;
      case SENT -> sentAt = when;
      case RETURNED -> returnReason = cipher.seal(record(), field("returnReason"), why);
      case ACCEPTED, DECLINED -> {
        answeredAt = when;
        if (why != null) {
          answerNote = cipher.seal(record(), field("answerNote"), why);
        }
      }
      case COMPLETED, CANCELLED -> {
        closedAt = when;
        if (why != null) {
          answerNote = cipher.seal(record(), field("answerNote"), why);
        }
      }
      default -> {}
    }
    status = to;
    lastChangedBy = by;
  }

  public void reliesOn(Consent consent) {
    this.consent = consent;
  }

  /** Sent and not answered within the provider's agreed response time. */
  public boolean isOverdue(Instant now) {
    return status == ReferralStatus.SENT
        && sentAt != null
        && now.isAfter(sentAt.plus(Duration.ofHours(provider.getResponseTimeHours())));
  }

  /** Marks the overdue referral as told about, so that it is told once. */
  public void overdueNotified(Instant at) {
    overdueNotifiedAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  public Instant getOverdueNotifiedAt() {
    return overdueNotifiedAt;
  }

  public void forget() {
    reason = null;
    returnReason = null;
    answerNote = null;
  }

  /** Seals the values again with the survivor's new data key (a re-key). */
  public void reseal(Resealing r) {
    reason = r.reseal(record(), field("reason"), reason);
    returnReason = r.reseal(record(), field("returnReason"), returnReason);
    answerNote = r.reseal(record(), field("answerNote"), answerNote);
  }

  private String record() {
    return survivorCase.getCaseNumber();
  }

  private String field(String name) {
    return "referral." + id + "." + name;
  }

  public Long getId() {
    return id;
  }

  public SurvivorCase getSurvivorCase() {
    return survivorCase;
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  public Provider getProvider() {
    return provider;
  }

  public Urgency getUrgency() {
    return urgency;
  }

  public boolean isSharesData() {
    return sharesData;
  }

  public Optional<Consent> consent() {
    return Optional.ofNullable(consent);
  }

  public ReferralStatus getStatus() {
    return status;
  }

  public StaffMember getCreatedBy() {
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

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public long getVersion() {
    return version;
  }
}
