package org.haven.reports.boundary;

import java.time.LocalDate;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.RiskLevel;

/**
 * Which cases a report counts: registered from and to a day (both included, UTC), and the case
 * list's coded filters. Never a protected criterion: a report does not search for a person.
 */
public record ReportFilters(
    LocalDate from,
    LocalDate to,
    CaseStatus status,
    RiskLevel riskLevel,
    ExploitationType exploitationType,
    String team) {

  public static final ReportFilters NONE = new ReportFilters(null, null, null, null, null, null);

  /** The same filters over every day: for what happened in the period to cases of any intake. */
  public ReportFilters withoutPeriod() {
    return new ReportFilters(null, null, status, riskLevel, exploitationType, team);
  }

  /** Named for the audit trail: the filters set, no value of a person. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    append(s, "from", from);
    append(s, "to", to);
    append(s, "status", status);
    append(s, "riskLevel", riskLevel);
    append(s, "exploitationType", exploitationType);
    append(s, "team", team);
    return s.isEmpty() ? "none" : s.toString();
  }

  private static void append(StringBuilder s, String name, Object value) {
    if (value != null) {
      s.append(s.isEmpty() ? "" : ", ").append(name).append(' ').append(value);
    }
  }
}
