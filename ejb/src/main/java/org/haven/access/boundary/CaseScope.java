package org.haven.access.boundary;

import java.util.Set;

/**
 * Which survivor cases a caller may see: those of a team (supervisors), those assigned to them now
 * (caseworkers: their Keycloak {@code subject} and their {@code staffId} in Haven), or none; plus
 * any case they opened by break-glass, until that expires. Decided by {@link AccessPolicy}; the
 * case queries only translate it.
 */
public record CaseScope(
    Reach reach, String team, String subject, Long staffId, Set<Long> emergencyCases) {

  public enum Reach {
    TEAM,
    OWN_ASSIGNMENTS,
    NOTHING
  }

  public CaseScope {
    emergencyCases = emergencyCases == null ? Set.of() : Set.copyOf(emergencyCases);
  }

  public static CaseScope team(String team) {
    return new CaseScope(Reach.TEAM, team, null, null, Set.of());
  }

  public static CaseScope assignedTo(String subject, long staffId) {
    return new CaseScope(Reach.OWN_ASSIGNMENTS, null, subject, staffId, Set.of());
  }

  public static CaseScope nothing() {
    return new CaseScope(Reach.NOTHING, null, null, null, Set.of());
  }

  /** The same scope with break-glass openings added. */
  public CaseScope withEmergencyCases(Set<Long> caseIds) {
    return new CaseScope(reach, team, subject, staffId, caseIds);
  }

  /** The same scope without break-glass openings: what the caller may change. */
  public CaseScope withoutBreakGlass() {
    return emergencyCases.isEmpty() ? this : withEmergencyCases(Set.of());
  }
}
