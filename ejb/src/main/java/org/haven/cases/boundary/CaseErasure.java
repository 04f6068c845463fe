package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Optional;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.entity.StaffMember;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseActions;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.entity.ErasureReason;
import org.haven.crypto.boundary.FieldCrypto;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;

/**
 * Erasing a survivor's data on request (data protection law's right to erasure): a caseworker asks
 * with a coded reason, a supervisor of the team approves, and the survivor's data key is destroyed.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseErasure {

  @Inject AccessPolicy access;
  @Inject CaseActions actions;
  @Inject CaseRecords records;
  @Inject FieldCrypto crypto;
  @Inject CaseOpener opener;
  @Inject Event<SurvivorErased> erased;

  /**
   * Asks for the survivor's data to be erased (a coded reason); a supervisor of the team approves.
   * Empty if the case is out of scope.
   */
  public Optional<CaseFile> requestErasure(String caseNumber, @NotNull ErasureReason reason) {
    return actions
        .change(
            caseNumber,
            AuditAction.ERASURE_REQUESTED,
            (c, trail) -> {
              CaseRecords.refuseIfErased(c);
              c.requestErasure(reason, access.actor(), Instant.now());
              trail.reason(reason.name());
              return c;
            })
        .map(opener::open);
  }

  /** Withdraws a pending erasure request (its requester or a supervisor of the team). */
  public Optional<CaseFile> withdrawErasureRequest(String caseNumber) {
    return actions
        .change(
            caseNumber,
            AuditAction.ERASURE_WITHDRAWN,
            (c, trail) -> {
              CaseRecords.refuseIfErased(c);
              if (!c.isErasureRequested()) {
                throw new Conflict("No erasure is requested for case " + caseNumber + ".");
              }
              boolean requester = c.erasureRequestedBy().filter(access.actor()::equals).isPresent();
              if (!requester) {
                access.requireSupervisorOf(
                    c.getOwningTeam(),
                    "only the requester or a supervisor of the team withdraws an erasure request");
              }
              c.withdrawErasureRequest();
              return c;
            })
        .map(opener::open);
  }

  /**
   * Erases the survivor's data (crypto-shredding), approving a pending request or, with a reason,
   * directly: supervisors of the case's team only. The data key is destroyed, the ciphertexts and
   * blind indexes are removed, and every feature forgets what it wrote about the survivor ({@link
   * SurvivorErased}); the case stays as a tombstone with its number, dates and coded fields. Cannot
   * be undone.
   */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public Optional<CaseFile> erase(String caseNumber, ErasureReason reason) {
    return actions
        .change(
            caseNumber,
            AuditAction.SURVIVOR_ERASED,
            (c, trail) -> {
              records.requireSupervisorOf(c);
              CaseRecords.refuseIfErased(c);
              StaffMember actor = access.actor();
              Instant now = Instant.now();
              if (reason != null) {
                c.requestErasure(reason, c.erasureRequestedBy().orElse(actor), now);
              } else if (!c.isErasureRequested()) {
                throw new InvalidField(
                    "reason", "give a reason for the erasure, or approve a pending request");
              }
              c.erase(actor, now);
              erased.fire(new SurvivorErased(c));
              crypto.shred(c.dataKeyOwner());
              trail
                  .reason(c.getErasureReason().name())
                  .details(
                      "requested by: "
                          + c.erasureRequestedBy().map(StaffMember::getUsername).orElse("-"));
              return c;
            })
        .map(opener::open);
  }
}
