package org.haven.cases.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.haven.access.entity.StaffMember;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.Resealing;
import org.haven.crypto.entity.Protected;
import org.haven.services.entity.Provider;
import org.haven.services.entity.ServiceType;

/**
 * A survivor's consent: to services, to sharing their data with a recipient for a purpose, or to
 * anonymised statistics; how it was obtained and who recorded it. A consent is never edited or
 * deleted: it can only be withdrawn, which keeps the record of both. Recipient and purpose can
 * locate a survivor (a shelter, a clinic), so they are sealed.
 */
@Entity
@Table(name = "consent")
public class Consent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_id")
  @SequenceGenerator(name = "consent_id", sequenceName = "consent_id_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  private SurvivorCase survivorCase;

  @Enumerated(EnumType.STRING)
  @Column(name = "type", nullable = false, updatable = false, length = 16)
  private ConsentType type;

  @Protected("consent.recipient")
  // Written once, right after persist (the associated data names the consent's id).
  @Column(name = "recipient")
  private byte[] recipient;

  @Protected("consent.purpose")
  @Column(name = "purpose")
  private byte[] purpose;

  /** For data sharing: the provider of the directory the data may go to, if named. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "provider_id", updatable = false)
  private Provider provider;

  /** For data sharing: the service the data may be shared for, if named. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "service_code", updatable = false)
  private ServiceType serviceType;

  /** For data sharing: the survivor's fields the recipient may receive; nothing else goes. */
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "consent_shared_field", joinColumns = @JoinColumn(name = "consent_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "field", nullable = false, length = 32)
  private Set<SharedField> sharedFields = new HashSet<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "how_obtained", nullable = false, updatable = false, length = 16)
  private ConsentMethod howObtained;

  @Column(name = "given_on", nullable = false, updatable = false)
  private LocalDate givenOn;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "recorded_by_id", nullable = false, updatable = false)
  private StaffMember recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "withdrawn_on")
  private LocalDate withdrawnOn;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "withdrawal_recorded_by_id")
  private StaffMember withdrawalRecordedBy;

  @Column(name = "withdrawal_recorded_at")
  private Instant withdrawalRecordedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Consent() {}

  public Consent(
      SurvivorCase survivorCase,
      ConsentType type,
      ConsentMethod howObtained,
      LocalDate givenOn,
      StaffMember recordedBy,
      Instant recordedAt) {
    this.survivorCase = Objects.requireNonNull(survivorCase);
    this.type = Objects.requireNonNull(type);
    this.howObtained = Objects.requireNonNull(howObtained);
    this.givenOn = Objects.requireNonNull(givenOn);
    this.recordedBy = Objects.requireNonNull(recordedBy);
    this.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** Names the provider and the service a data-sharing consent covers; before persist. */
  public void covers(Provider provider, ServiceType serviceType) {
    this.provider = provider;
    this.serviceType = serviceType;
  }

  /** Names the survivor's fields a data-sharing consent lets go; before persist. */
  public void shares(Set<SharedField> fields) {
    sharedFields = new HashSet<>(fields);
  }

  /** The fields the recipient may receive, in the order of {@link SharedField}. */
  public Set<SharedField> sharedFields() {
    return sharedFields.isEmpty()
        ? EnumSet.noneOf(SharedField.class)
        : EnumSet.copyOf(sharedFields);
  }

  /** Whether this consent, in force, lets data go to {@code provider} for {@code service}. */
  public boolean allowsSharing(Provider provider, ServiceType service) {
    return type == ConsentType.DATA_SHARING
        && !isWithdrawn()
        && this.provider != null
        && this.provider.getId().equals(provider.getId())
        && this.serviceType != null
        && this.serviceType.getCode().equals(service.getCode());
  }

  public Optional<Provider> provider() {
    return Optional.ofNullable(provider);
  }

  public Optional<ServiceType> serviceType() {
    return Optional.ofNullable(serviceType);
  }

  /** Seals recipient and purpose; called once, after persist gave the consent its id. */
  public void write(FieldCipher cipher, String recipientName, String purposeText) {
    recipient = cipher.seal(record(), field("recipient"), blankToNull(recipientName));
    purpose = cipher.seal(record(), field("purpose"), blankToNull(purposeText));
  }

  public String recipient(FieldCipher cipher) {
    return cipher.open(record(), field("recipient"), recipient);
  }

  public String purpose(FieldCipher cipher) {
    return cipher.open(record(), field("purpose"), purpose);
  }

  /** Records the withdrawal; the consent stays on file, marked withdrawn from that day. */
  public void withdraw(LocalDate on, StaffMember by, Instant at) {
    if (isWithdrawn()) {
      throw new IllegalStateException("consent " + id + " is already withdrawn");
    }
    withdrawnOn = Objects.requireNonNull(on);
    withdrawalRecordedBy = by;
    withdrawalRecordedAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  public boolean isWithdrawn() {
    return withdrawnOn != null;
  }

  /** Erasure: recipient and purpose go with the survivor's data; the coded facts stay. */
  public void forget() {
    recipient = null;
    purpose = null;
  }

  /** Seals the values again with the survivor's new data key (a re-key). */
  public void reseal(Resealing r) {
    recipient = r.reseal(record(), field("recipient"), recipient);
    purpose = r.reseal(record(), field("purpose"), purpose);
  }

  private String record() {
    return survivorCase.getCaseNumber();
  }

  private String field(String name) {
    return "consent." + id + "." + name;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public Long getId() {
    return id;
  }

  public SurvivorCase getSurvivorCase() {
    return survivorCase;
  }

  public ConsentType getType() {
    return type;
  }

  public ConsentMethod getHowObtained() {
    return howObtained;
  }

  public LocalDate getGivenOn() {
    return givenOn;
  }

  public StaffMember getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public LocalDate getWithdrawnOn() {
    return withdrawnOn;
  }

  public Optional<StaffMember> withdrawalRecordedBy() {
    return Optional.ofNullable(withdrawalRecordedBy);
  }

  public Instant getWithdrawalRecordedAt() {
    return withdrawalRecordedAt;
  }

  public long getVersion() {
    return version;
  }
}
