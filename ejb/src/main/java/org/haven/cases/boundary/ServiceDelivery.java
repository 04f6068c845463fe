package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.haven.access.boundary.AccessPolicy;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseActions;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.entity.CaseService;
import org.haven.cases.entity.ServiceStatus;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.problems.Checks;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;
import org.haven.services.control.Offers;
import org.haven.services.entity.ServiceType;

/**
 * The services planned for a survivor and what became of them: planned (a service type from the
 * catalogue, optionally a provider of the directory that offers it, a date), then delivered (when,
 * with what outcome, sealed) or cancelled. Scoped and audited like every part of a case.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class ServiceDelivery {

  public static final int MAX_OUTCOME = 2_000;

  @PersistenceContext EntityManager em;
  @Inject CaseRecords records;
  @Inject CaseActions actions;
  @Inject AccessPolicy access;
  @Inject AuditTrail audit;
  @Inject Offers offers;

  /** The case's services, in the order they were planned. Empty if the case is out of scope. */
  public Optional<List<CaseServiceDetails>> services(String caseNumber) {
    return actions.read(
        caseNumber,
        AuditAction.SERVICES_READ,
        (c, trail) -> {
          FieldCipher cipher = records.openerFor(c).orElse(null);
          List<CaseServiceDetails> all =
              em.createQuery(
                      "select s from CaseService s where s.survivorCase = :c"
                          + " order by s.plannedOn, s.id",
                      CaseService.class)
                  .setParameter("c", c)
                  .getResultStream()
                  .map(s -> new CaseServiceDetails(s, cipher))
                  .toList();
          trail.details("services: " + all.size());
          return all;
        });
  }

  /** Plans a service. Empty if the case is out of scope. */
  public Optional<CaseServiceDetails> plan(
      String caseNumber,
      @NotNull(message = "choose the service") String serviceType,
      Long providerId,
      @NotNull(message = "give the date it is planned for") LocalDate plannedOn) {
    return actions.change(
        caseNumber,
        AuditAction.SERVICE_PLANNED,
        (c, trail) -> {
          CaseRecords.refuseIfErased(c);
          ServiceType type = offers.serviceType(serviceType);
          CaseService service =
              new CaseService(
                  c,
                  type,
                  offers.provider(providerId, type),
                  plannedOn,
                  access.actor(),
                  Instant.now());
          em.persist(service);
          em.flush();
          trail.details(
              "service "
                  + service.getId()
                  + "; type: "
                  + type.getCode()
                  + "; provider: "
                  + (providerId == null ? "-" : providerId));
          return new CaseServiceDetails(service, records.openerFor(c).orElse(null));
        });
  }

  /**
   * Records what became of a planned service: DELIVERED (on a day, with its outcome) or CANCELLED
   * (with a reason in {@code outcome}); or, with the status left out, moves it to another provider
   * or date. A service delivered or cancelled stays so (409); a stale {@code expectedVersion} is a
   * conflicting edit. Empty if the case is out of scope.
   */
  public Optional<CaseServiceDetails> record(
      String caseNumber,
      long serviceId,
      ServiceStatus status,
      LocalDate deliveredOn,
      String outcome,
      Long providerId,
      LocalDate plannedOn,
      Long expectedVersion) {
    if (outcome != null && outcome.length() > MAX_OUTCOME) {
      throw new InvalidField("outcome", "must be at most " + MAX_OUTCOME + " characters");
    }
    if (status == ServiceStatus.PLANNED) {
      throw new InvalidField("status", "a service is recorded as DELIVERED or CANCELLED");
    }
    return actions.change(
        caseNumber,
        AuditAction.SERVICE_CHANGED,
        (c, trail) -> {
          CaseService service =
              records.partOf(
                  c, CaseService.class, serviceId, CaseService::getSurvivorCase, "service");
          Checks.checkVersion("service " + serviceId, service.getVersion(), expectedVersion);
          if (service.getStatus() != ServiceStatus.PLANNED) {
            throw new Conflict("Service " + serviceId + " is already " + service.getStatus() + ".");
          }
          FieldCipher cipher = records.cipherFor(c);
          if (status == ServiceStatus.DELIVERED) {
            LocalDate on = deliveredOn == null ? LocalDate.now() : deliveredOn;
            if (on.isAfter(LocalDate.now())) {
              throw new InvalidField("deliveredOn", "must not be in the future");
            }
            service.delivered(on, cipher, outcome);
          } else if (status == ServiceStatus.CANCELLED) {
            service.cancel(cipher, outcome);
          } else {
            service.replan(
                providerId == null
                    ? service.provider().orElse(null)
                    : offers.provider(providerId, service.getServiceType()),
                plannedOn == null ? service.getPlannedOn() : plannedOn);
          }
          em.flush();
          trail.details("service " + serviceId + "; status: " + service.getStatus());
          return new CaseServiceDetails(service, cipher);
        });
  }
}
