package org.haven.cases.entity;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.haven.access.entity.StaffMember;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.Resealing;
import org.haven.crypto.entity.Protected;
import org.haven.services.entity.Provider;
import org.haven.services.entity.ServiceType;

/**
 * A service planned for a survivor (shelter, medical care, legal aid…), by whom if a provider is
 * chosen, and what came of it once delivered. The outcome is free text about the survivor: sealed.
 */
@Entity
@Table(name = "case_service")
public class CaseService {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_service_id")
  @SequenceGenerator(
      name = "case_service_id",
      sequenceName = "case_service_id_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  private SurvivorCase survivorCase;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "service_code", nullable = false, updatable = false)
  private ServiceType serviceType;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "provider_id")
  private Provider provider;

  @Column(name = "planned_on", nullable = false)
  private LocalDate plannedOn;

  @Column(name = "delivered_on")
  private LocalDate deliveredOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private ServiceStatus status = ServiceStatus.PLANNED;

  @Protected("service.outcome")
  @Column(name = "outcome")
  private byte[] outcome;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "created_by_id", nullable = false, updatable = false)
  private StaffMember createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected CaseService() {}

  public CaseService(
      SurvivorCase survivorCase,
      ServiceType serviceType,
      Provider provider,
      LocalDate plannedOn,
      StaffMember createdBy,
      Instant at) {
    this.survivorCase = Objects.requireNonNull(survivorCase);
    this.serviceType = Objects.requireNonNull(serviceType);
    this.provider = provider;
    this.plannedOn = Objects.requireNonNull(plannedOn);
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  /** Delivered on a day, with what came of it (sealed). */
  public void delivered(LocalDate on, FieldCipher cipher, String result) {
    requirePlanned();
    status = ServiceStatus.DELIVERED;
    deliveredOn = Objects.requireNonNull(on);
    outcome = cipher.seal(survivorCase.getCaseNumber(), field(), blankToNull(result));
  }

  public void cancel(FieldCipher cipher, String reason) {
    requirePlanned();
    status = ServiceStatus.CANCELLED;
    outcome = cipher.seal(survivorCase.getCaseNumber(), field(), blankToNull(reason));
  }

  public void replan(Provider provider, LocalDate plannedOn) {
    requirePlanned();
    this.provider = provider;
    this.plannedOn = Objects.requireNonNull(plannedOn);
  }

  private void requirePlanned() {
    if (status != ServiceStatus.PLANNED) {
      throw new IllegalStateException("service " + id + " is already " + status);
    }
  }

  public String outcome(FieldCipher cipher) {
    return cipher.open(survivorCase.getCaseNumber(), field(), outcome);
  }

  public void forget() {
    outcome = null;
  }

  /** Seals the value again with the survivor's new data key (a re-key). */
  public void reseal(Resealing r) {
    outcome = r.reseal(survivorCase.getCaseNumber(), field(), outcome);
  }

  private String field() {
    return "service." + id + ".outcome";
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

  public ServiceType getServiceType() {
    return serviceType;
  }

  public Optional<Provider> provider() {
    return Optional.ofNullable(provider);
  }

  public LocalDate getPlannedOn() {
    return plannedOn;
  }

  public LocalDate getDeliveredOn() {
    return deliveredOn;
  }

  public ServiceStatus getStatus() {
    return status;
  }

  public StaffMember getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version;
  }
}
