package org.haven.access.boundary;

/**
 * Which survivor cases a caller may see: those of a team (supervisors), those assigned to them now
 * (caseworkers), or none. Decided by {@link AccessPolicy}; the case queries only translate it.
 */
public record CaseScope(Reach reach, String team, String subject) {

  public enum Reach {
    TEAM,
    OWN_ASSIGNMENTS,
    NOTHING
  }

  public static CaseScope team(String team) {
    return new CaseScope(Reach.TEAM, team, null);
  }

  public static CaseScope assignedTo(String subject) {
    return new CaseScope(Reach.OWN_ASSIGNMENTS, null, subject);
  }

  public static CaseScope nothing() {
    return new CaseScope(Reach.NOTHING, null, null);
  }
}
