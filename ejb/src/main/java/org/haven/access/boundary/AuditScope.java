package org.haven.access.boundary;

/**
 * Which audit events a caller may read: all (administrators), those of their team's staff
 * (supervisors), their own (caseworkers), or none. Decided by {@link AccessPolicy}.
 */
public record AuditScope(Reach reach, String team, String subject) {

  public enum Reach {
    ALL,
    TEAM,
    OWN,
    NOTHING
  }
}
