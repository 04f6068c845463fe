package org.haven.cases.control;

import java.util.List;
import java.util.Optional;
import org.haven.cases.entity.CaseStatus;

/**
 * The case lifecycle (docs/domain/lifecycle.md): which moves exist and what each takes. Confirming
 * the case plan (CASE_PLAN → SERVICE_PROVISION) and closing (CLOSURE_REQUESTED → CLOSED) are a
 * supervisor's decisions; a caseworker asks for the first by submitting the plan, for the second by
 * requesting closure. Returning a closure request, and reopening, need a reason.
 */
public final class CaseLifecycle {

  /** What a move takes. */
  public enum Gate {
    /** Anyone who may change the case. */
    ANYONE,
    /** Anyone, with a reason. */
    WITH_REASON,
    /** A supervisor confirms it; a caseworker asking for it submits it for that confirmation. */
    SUBMIT_FOR_APPROVAL,
    /** A supervisor of the team only (the closure, which a caseworker requested by a move). */
    SUPERVISOR,
    /** A supervisor of the team only, with a reason (sending a request back). */
    SUPERVISOR_WITH_REASON;

    public boolean needsReason() {
      return this == WITH_REASON || this == SUPERVISOR_WITH_REASON;
    }

    public boolean supervisorOnly() {
      return this == SUPERVISOR || this == SUPERVISOR_WITH_REASON;
    }
  }

  /** One move of the lifecycle. */
  public record Move(CaseStatus from, CaseStatus to, Gate gate) {}

  public static final List<Move> MOVES =
      List.of(
          new Move(CaseStatus.OPEN, CaseStatus.ASSESSMENT, Gate.ANYONE),
          new Move(CaseStatus.ASSESSMENT, CaseStatus.CASE_PLAN, Gate.ANYONE),
          new Move(CaseStatus.CASE_PLAN, CaseStatus.SERVICE_PROVISION, Gate.SUBMIT_FOR_APPROVAL),
          new Move(CaseStatus.SERVICE_PROVISION, CaseStatus.CLOSURE_REQUESTED, Gate.ANYONE),
          new Move(CaseStatus.CLOSURE_REQUESTED, CaseStatus.CLOSED, Gate.SUPERVISOR),
          new Move(
              CaseStatus.CLOSURE_REQUESTED,
              CaseStatus.SERVICE_PROVISION,
              Gate.SUPERVISOR_WITH_REASON),
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
        .filter(m -> supervisor || !m.gate().supervisorOnly())
        .map(Move::to)
        .toList();
  }
}
