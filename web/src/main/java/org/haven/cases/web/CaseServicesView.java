package org.haven.cases.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.haven.cases.boundary.CaseServiceDetails;
import org.haven.cases.boundary.ServiceDelivery;
import org.haven.cases.entity.ServiceStatus;
import org.haven.ui.Texts;

/** The Services tab of the case page: services planned, delivered or cancelled. */
@Named
@ViewScoped
public class CaseServicesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CaseView page;
  @Inject ServiceDelivery services;

  private List<CaseServiceDetails> all;
  private String serviceType;
  private Long providerId;
  private LocalDate plannedOn = LocalDate.now();
  private String outcome;

  public List<CaseServiceDetails> getAll() {
    if (all == null) {
      all =
          page.getCaseFile() == null
              ? List.of()
              : services.services(page.getCaseNumber()).orElse(List.of());
    }
    return all;
  }

  public void plan() throws IOException {
    if (serviceType == null || plannedOn == null) {
      CaseView.warn(Texts.get("service.incomplete"));
      return;
    }
    String n = page.getCaseNumber();
    String type = serviceType;
    Long provider = providerId;
    LocalDate on = plannedOn;
    if (page.attempt(() -> services.plan(n, type, provider, on))) {
      CaseView.info(Texts.get("service.planned"));
      serviceType = null;
      providerId = null;
    }
    all = null;
  }

  public void close(long serviceId, ServiceStatus status) throws IOException {
    String n = page.getCaseNumber();
    String text = outcome;
    if (page.attempt(() -> services.record(n, serviceId, status, null, text, null, null, null))) {
      CaseView.info(
          Texts.get(status == ServiceStatus.DELIVERED ? "service.delivered" : "service.cancelled"));
      outcome = null;
    }
    all = null;
  }

  public String getServiceType() {
    return serviceType;
  }

  public void setServiceType(String serviceType) {
    this.serviceType = serviceType;
  }

  public Long getProviderId() {
    return providerId;
  }

  public void setProviderId(Long providerId) {
    this.providerId = providerId;
  }

  public LocalDate getPlannedOn() {
    return plannedOn;
  }

  public void setPlannedOn(LocalDate plannedOn) {
    this.plannedOn = plannedOn;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }
}
