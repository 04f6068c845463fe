package org.haven.access.boundary;

import java.util.Optional;

/**
 * Whose cases a caller's statistics count: one team's (a supervisor's) or every team's (an
 * administrator's, counts only). Decided by {@link AccessPolicy#statisticsScope()}.
 */
public record StatisticsScope(String team) {

  public static StatisticsScope allTeams() {
    return new StatisticsScope(null);
  }

  public static StatisticsScope of(String team) {
    return new StatisticsScope(java.util.Objects.requireNonNull(team));
  }

  /** The one team counted; empty when every team is. */
  public Optional<String> onlyTeam() {
    return Optional.ofNullable(team);
  }

  /** Named for the audit trail: {@code team north} or {@code all teams}. */
  public String describe() {
    return team == null ? "all teams" : "team " + team;
  }
}
