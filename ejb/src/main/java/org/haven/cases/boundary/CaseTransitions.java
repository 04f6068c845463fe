package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.entity.StaffMember;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseActions;
import org.haven.cases.control.CaseLifecycle;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.control.FollowUps;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.StatusChangeKind;
import org.haven.cases.entity.SurvivorCase;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;

/**
 * Moving a case along its lifecycle ({@link CaseLifecycle}): a caseworker's moves, the plan and the
 * closure a supervisor approves, and what a supervisor sends back for rework.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseTransitions {

  @Inject AccessPolicy access;
  @Inject CaseActions actions;
  @Inject CaseRecords records;
  @Inject FollowUps followUps;
  @Inject CaseOpener opener;

  /**
   * The statuses the caller may move this case to now, in the lifecycle's order: what a page offers
   * for a case the caller opened.
   */
  public List<CaseStatus> allowedMoves(@NotNull CaseFile file) {
    SurvivorCase c = file.getRecord();
    boolean supervisor = access.supervises(c.getOwningTeam());
    // A submitted plan waits for a supervisor: the caseworker has nothing to press meanwhile.
    if (!supervisor && c.pendingApproval().isPresent()) {
      return List.of();
    }
    return CaseLifecycle.allowedFrom(c.getStatus(), supervisor);
  }

  /**
   * Moves a case along its lifecycle. A caseworker's move to SERVICE_PROVISION submits the case
   * plan to the team's supervisors; theirs confirms it. An illegal move is refused naming the
   * allowed ones; a stale {@code expectedVersion} is a conflicting edit. Empty if the case is out
   * of scope.
   */
  public Optional<CaseFile> transition(
      String caseNumber,
      @NotNull(message = "name the status to move to") CaseStatus to,
      String reason,
      Long expectedVersion) {
    return actions
        .change(
            caseNumber,
            AuditAction.CASE_TRANSITION,
            (c, trail) -> {
              CaseRecords.checkVersion(c, expectedVersion);
              boolean supervisor = access.supervises(c.getOwningTeam());
              CaseStatus from = c.getStatus();
              List<CaseStatus> allowed = CaseLifecycle.allowedFrom(from, supervisor);
              CaseLifecycle.Move move =
                  CaseLifecycle.move(from, to)
                      .filter(m -> allowed.contains(m.to()))
                      .orElseThrow(() -> illegal(caseNumber, from, to, allowed));
              StaffMember actor = access.actor();
              Instant now = Instant.now();
              if (move.gate().needsReason()) {
                requireReason(reason);
              }
              StatusChangeKind kind;
              if (move.gate() == CaseLifecycle.Gate.SUBMIT_FOR_APPROVAL && !supervisor) {
                if (c.getPlanSubmittedAt() != null) {
                  throw new Conflict(
                      "The case plan of " + caseNumber + " already waits for a supervisor.");
                }
                kind = StatusChangeKind.SUBMITTED;
                c.submitPlan(now);
              } else {
                kind =
                    switch (move.gate()) {
                      case SUBMIT_FOR_APPROVAL, SUPERVISOR -> StatusChangeKind.APPROVED;
                      case SUPERVISOR_WITH_REASON -> StatusChangeKind.RETURNED;
                      default -> StatusChangeKind.MOVED;
                    };
                c.moveTo(to);
                followUps.moved(c, to, actor, now);
              }
              records.history(c, from, to, kind, actor, now, reason);
              trail.details("changed: status; from " + from + " to " + to + " (" + kind + ")");
              return c;
            })
        .map(opener::open);
  }

  /**
   * A supervisor sends what waits for approval back, with a reason: a submitted case plan stays in
   * CASE_PLAN for rework; a closure request goes back to SERVICE_PROVISION.
   */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public Optional<CaseFile> returnForRework(String caseNumber, String reason) {
    return actions
        .change(
            caseNumber,
            AuditAction.CASE_TRANSITION,
            (c, trail) -> {
              records.requireSupervisorOf(c);
              requireReason(reason);
              CaseStatus from = c.getStatus();
              CaseStatus to;
              if (c.pendingApproval().filter(p -> p == CaseStatus.SERVICE_PROVISION).isPresent()) {
                c.returnPlan();
                to = CaseStatus.CASE_PLAN;
              } else if (c.pendingApproval().isPresent()) {
                to = CaseStatus.SERVICE_PROVISION;
                c.moveTo(to);
                followUps.moved(c, to, access.actor(), Instant.now());
              } else {
                throw new Conflict("Nothing of case " + caseNumber + " waits for approval.");
              }
              records.history(
                  c, from, to, StatusChangeKind.RETURNED, access.actor(), Instant.now(), reason);
              trail.details("returned: from " + from + " to " + to);
              return c;
            })
        .map(opener::open);
  }

  private static Conflict illegal(
      String caseNumber, CaseStatus from, CaseStatus to, List<CaseStatus> allowed) {
    return new Conflict(
        "Case "
            + caseNumber
            + " cannot move from "
            + from
            + " to "
            + to
            + (allowed.isEmpty()
                ? "; nothing is allowed from " + from + " for you now."
                : "; allowed from " + from + ": " + allowed + "."),
        allowed.stream().map(Enum::name).toList());
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidField("reason", "give a reason");
    }
    if (reason.length() > 2000) {
      throw new InvalidField("reason", "must be at most 2000 characters");
    }
  }
}
