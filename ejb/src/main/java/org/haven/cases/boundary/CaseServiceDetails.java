package org.haven.cases.boundary;

import java.time.Instant;
import java.time.LocalDate;
import org.haven.cases.entity.CaseService;
import org.haven.cases.entity.ServiceStatus;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;

/**
 * A service of a case as users in scope read it (REST and pages), taken whole in the transaction.
 */
public final class CaseServiceDetails {

  private final long id;
  private final String serviceType;
  private final String serviceName;
  private final Long providerId;
  private final String providerName;
  private final LocalDate plannedOn;
  private final LocalDate deliveredOn;
  private final ServiceStatus status;
  private final String outcome;
  private final String createdBy;
  private final Instant createdAt;
  private final long version;

  CaseServiceDetails(CaseService s, FieldCipher cipher) {
    this.id = s.getId();
    this.serviceType = s.getServiceType().getCode();
    this.serviceName = s.getServiceType().getName();
    this.providerId = s.provider().map(p -> p.getId()).orElse(null);
    this.providerName = s.provider().map(p -> p.getName()).orElse(null);
    this.plannedOn = s.getPlannedOn();
    this.deliveredOn = s.getDeliveredOn();
    this.status = s.getStatus();
    this.outcome = cipher == null ? null : s.outcome(cipher);
    this.createdBy = s.getCreatedBy().getUsername();
    this.createdAt = s.getCreatedAt();
    this.version = s.getVersion();
  }

  public long getId() {
    return id;
  }

  public String getServiceType() {
    return serviceType;
  }

  public String getServiceName() {
    return serviceName;
  }

  public Long getProviderId() {
    return providerId;
  }

  public String getProviderName() {
    return providerName;
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

  public String getOutcome() {
    return outcome;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version;
  }
}
