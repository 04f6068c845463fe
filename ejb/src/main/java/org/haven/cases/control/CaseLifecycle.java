package org.haven.cases.control;

import java.util.List;
import java.util.Optional;
import org.haven.cases.entity.CaseStatus;

/**
 * The case lifecycle (DOMAIN.md): which moves exist and what each takes. Confirming the case plan
 * (CASE_PLAN → SERVICE_PROVISION) and closing (CLOSURE_REQUESTED → CLOSED) are a supervisor's
 * decisions; a caseworker asks for the first by submitting the plan, for the second by requesting
 * closure. Returning a closure request, and reopening, need a reason.
 */
public final class CaseLifecycle {

  /** What a move takes. */
  public enum Gate {
    /** Anyone who may change the case. */
    ANYONE,
    /** A supervisor of the team; a caseworker's request waits for one. */
    SUPERVISOR_APPROVES,
    /** A supervisor only, with a reason. */
    SUPERVISOR_RETURNS,
    /** Anyone, with a reason. */
    WITH_REASON
  }

  /** One move of the lifecycle. */
  public record Move(CaseStatus from, CaseStatus to, Gate gate) {}

  public static final List<Move> MOVES =
      List.of(
          new Move(CaseStatus.OPEN, CaseStatus.ASSESSMENT, Gate.ANYONE),
          new Move(CaseStatus.ASSESSMENT, CaseStatus.CASE_PLAN, Gate.ANYONE),
          new Move(CaseStatus.CASE_PLAN, CaseStatus.SERVICE_PROVISION, Gate.SUPERVISOR_APPROVES),
          new Move(CaseStatus.SERVICE_PROVISION, CaseStatus.CLOSURE_REQUESTED, Gate.ANYONE),
          new Move(CaseStatus.CLOSURE_REQUESTED, CaseStatus.CLOSED, Gate.SUPERVISOR_APPROVES),
          new Move(
              CaseStatus.CLOSURE_REQUESTED, CaseStatus.SERVICE_PROVISION, Gate.SUPERVISOR_RETURNS),
          new Move(CaseStatus.CLOSED, CaseStatus.REOPENED, Gate.WITH_REASON),
          new Move(CaseStatus.REOPENED, CaseStatus.ASSESSMENT, Gate.ANYONE));

  private CaseLifecycle() {}

  public static Optional<Move> move(CaseStatus from, CaseStatus to) {
    return MOVES.stream().filter(m -> m.from() == from && m.to() == to).findFirst();
  }

  /** The statuses one may ask to move to from {@code from} (a supervisor, or not). */
  public static List<CaseStatus> allowedFrom(CaseStatus from, boolean supervisor) {
    return MOVES.stream()
        .filter(m -> m.from() == from)
        .filter(m -> supervisor || m.gate() != Gate.SUPERVISOR_RETURNS)
        // A closure is requested by moving to CLOSURE_REQUESTED; only a supervisor goes on.
        .filter(m -> supervisor || m.from() != CaseStatus.CLOSURE_REQUESTED)
        .map(Move::to)
        .toList();
  }
}
