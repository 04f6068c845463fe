package org.haven.cases.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.haven.access.web.SignedInUser;
import org.haven.cases.boundary.CaseFigures;
import org.haven.cases.boundary.CaseOverview;
import org.haven.cases.boundary.CaseTasks;
import org.haven.cases.boundary.TaskDetails;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.RiskLevel;
import org.haven.ui.Charts;
import org.haven.ui.Labels;
import org.haven.ui.Texts;

/**
 * Backs {@code index.xhtml}, the start page: for a caseworker their cases by risk and their overdue
 * tasks; for a supervisor the team's cases, what waits for approval and what is overdue; for an
 * administrator counts only, never a case.
 */
@Named
@ViewScoped
public class DashboardView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Risk colours: the same red, amber, green as the risk tags. */
  private static final Map<RiskLevel, String> RISK_COLOURS =
      Map.of(RiskLevel.HIGH, "#d32f2f", RiskLevel.MEDIUM, "#f9a825", RiskLevel.LOW, "#388e3c");

  @Inject CaseOverview overview;

  @Inject SignedInUser user;
  @Inject CaseTasks tasks;
  @Inject Labels labels;

  private CaseFigures figures;
  private List<TaskDetails> overdue;
  private List<TaskDetails> open;
  private List<CaseOverview.PendingApproval> approvals;

  public CaseFigures getFigures() {
    if (figures == null) {
      figures = overview.figures();
    }
    return figures;
  }

  public boolean isWorksOnCases() {
    return user.isWorkingOnCases();
  }

  public boolean isSupervisor() {
    return user.isSupervisor();
  }

  public List<TaskDetails> getOverdueTasks() {
    if (overdue == null) {
      overdue = isWorksOnCases() ? tasks.openTasks(true) : List.of();
    }
    return overdue;
  }

  /** The open tasks not yet overdue, soonest first (at most ten on the dashboard). */
  public List<TaskDetails> getUpcomingTasks() {
    if (open == null) {
      open =
          isWorksOnCases()
              ? tasks.openTasks(false).stream().filter(t -> !t.isOverdue()).limit(10).toList()
              : List.of();
    }
    return open;
  }

  public List<CaseOverview.PendingApproval> getApprovals() {
    if (approvals == null) {
      approvals = isSupervisor() ? overview.pendingApprovals() : List.of();
    }
    return approvals;
  }

  /** Chart.js configuration: open cases by risk, as a doughnut. */
  public String getRiskChart() {
    JsonArrayBuilder names = Json.createArrayBuilder();
    JsonArrayBuilder counts = Json.createArrayBuilder();
    JsonArrayBuilder colours = Json.createArrayBuilder();
    for (RiskLevel r : RiskLevel.values()) {
      names.add(labels.of(r));
      counts.add(getFigures().getByRisk().getOrDefault(r, 0L));
      colours.add(RISK_COLOURS.get(r));
    }
    return Charts.chart("doughnut", names, counts, colours, Texts.get("dashboard.byRisk"));
  }

  /** Chart.js configuration: cases by status along the lifecycle, as bars. */
  public String getStatusChart() {
    JsonArrayBuilder names = Json.createArrayBuilder();
    JsonArrayBuilder counts = Json.createArrayBuilder();
    for (CaseStatus s : CaseStatus.values()) {
      names.add(labels.of(s));
      counts.add(getFigures().getByStatus().getOrDefault(s, 0L));
    }
    return Charts.chart(
        "bar",
        names,
        counts,
        Json.createArrayBuilder().add("#3f6fb5"),
        Texts.get("dashboard.byStatus"));
  }

  /** Chart.js configuration: cases per team (administrators), as bars. */
  public String getTeamChart() {
    JsonArrayBuilder names = Json.createArrayBuilder();
    JsonArrayBuilder counts = Json.createArrayBuilder();
    getFigures()
        .getByTeam()
        .forEach(
            (team, count) -> {
              names.add(labels.team(team));
              counts.add(count);
            });
    return Charts.chart(
        "bar",
        names,
        counts,
        Json.createArrayBuilder().add("#3f6fb5"),
        Texts.get("dashboard.byTeam"));
  }
}
