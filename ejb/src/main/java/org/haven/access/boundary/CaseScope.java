package org.haven.access.boundary;

/**
 * Which survivor cases a caller may see: those of a team (supervisors), those assigned to them now
 * (caseworkers), or none; and, with {@code breakGlass}, any case the caller (their {@code subject})
 * opened by break-glass, until that expires. Decided by {@link AccessPolicy}; the case queries only
 * translate it, in the same statement as the rest of the query.
 */
public record CaseScope(Reach reach, String team, String subject, boolean breakGlass) {

  public enum Reach {
    TEAM,
    OWN_ASSIGNMENTS,
    NOTHING
  }

  public static CaseScope team(String team) {
    return new CaseScope(Reach.TEAM, team, null, false);
  }

  public static CaseScope assignedTo(String subject) {
    return new CaseScope(Reach.OWN_ASSIGNMENTS, null, subject, false);
  }

  public static CaseScope nothing() {
    return new CaseScope(Reach.NOTHING, null, null, false);
  }

  /** The same scope plus the cases this caller opened by break-glass and may still read. */
  public CaseScope withBreakGlassOf(String caller) {
    return new CaseScope(reach, team, caller == null ? subject : caller, caller != null);
  }

  /** The same scope without break-glass openings: what the caller may change. */
  public CaseScope withoutBreakGlass() {
    return breakGlass
        ? new CaseScope(reach, team, reach == Reach.OWN_ASSIGNMENTS ? subject : null, false)
        : this;
  }
}
