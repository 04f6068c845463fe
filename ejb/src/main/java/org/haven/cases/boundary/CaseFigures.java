package org.haven.cases.boundary;

import java.util.Map;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.RiskLevel;

/**
 * A dashboard's counts: the cases the caller works on (a caseworker's own, a supervisor's team, an
 * administrator's every team) by status and by risk (open cases), by team for administrators; what
 * waits for approval; open and overdue tasks (none for administrators, who have no tasks).
 */
public final class CaseFigures {

  private final Map<CaseStatus, Long> byStatus;
  private final Map<RiskLevel, Long> byRisk;
  private final Map<String, Long> byTeam;
  private final long pendingApprovals;
  private final long openTasks;
  private final long overdueTasks;

  CaseFigures(
      Map<CaseStatus, Long> byStatus,
      Map<RiskLevel, Long> byRisk,
      Map<String, Long> byTeam,
      long pendingApprovals,
      long openTasks,
      long overdueTasks) {
    this.byStatus = byStatus;
    this.byRisk = byRisk;
    this.byTeam = byTeam;
    this.pendingApprovals = pendingApprovals;
    this.openTasks = openTasks;
    this.overdueTasks = overdueTasks;
  }

  public Map<CaseStatus, Long> getByStatus() {
    return byStatus;
  }

  public Map<RiskLevel, Long> getByRisk() {
    return byRisk;
  }

  public Map<String, Long> getByTeam() {
    return byTeam;
  }

  public long getTotal() {
    return byStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  public long getPendingApprovals() {
    return pendingApprovals;
  }

  public long getOpenTasks() {
    return openTasks;
  }

  public long getOverdueTasks() {
    return overdueTasks;
  }
}
