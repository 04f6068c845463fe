package org.haven.reports.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.StatisticsScope;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.entity.AuditAction;
import org.haven.database.control.Where;
import org.haven.problems.InvalidField;
import org.haven.reports.control.CaseCounts;
import org.haven.reports.control.Dimension;
import org.haven.reports.control.ReportTables;

/**
 * Counts of cases for supervisors (their team) and administrators (every team, counts only), by one
 * to three coded dimensions, with small cells withheld ({@link CellSuppression}). Computed in the
 * database from coded columns; nothing protected is read. Every report is in the audit trail with
 * what it counted by, never a value.
 */
@Stateless
@RolesAllowed({AccessPolicy.SUPERVISOR, AccessPolicy.ADMIN})
public class CaseReports {

  /** Cells under this are withheld whatever the configuration says. */
  public static final int LOWEST_THRESHOLD = 3;

  @Inject AccessPolicy access;
  @Inject AuditTrail audit;
  @Inject CaseCounts counts;

  @Inject
  @ConfigProperty(name = "haven.reports.suppress-below", defaultValue = "5")
  int suppressBelow;

  /** The threshold in force: the configured one, never under {@value #LOWEST_THRESHOLD}. */
  public int threshold() {
    return Math.max(LOWEST_THRESHOLD, suppressBelow);
  }

  /**
   * The cases in the caller's statistics scope, by {@code groupBy}, narrowed by {@code filters}.
   */
  public CaseReport cases(List<String> groupBy, ReportFilters filters) {
    return report(groupBy, filters, AuditAction.REPORT_VIEWED, "cases");
  }

  /** The same table for a download ({@code csv}, {@code xlsx}), audited as a download. */
  public CaseReport download(List<String> groupBy, ReportFilters filters, String format) {
    return report(
        groupBy, filters, AuditAction.REPORT_DOWNLOADED, "csv".equals(format) ? "csv" : "xlsx");
  }

  private CaseReport report(
      List<String> groupBy, ReportFilters filters, AuditAction action, String what) {
    StatisticsScope scope = access.statisticsScope(filters == null ? null : filters.team());
    List<Dimension> dimensions = dimensions(groupBy);
    ReportFilters f = filters == null ? ReportFilters.NONE : filters;
    Where where = CaseCounts.where(scope, f);
    int t = threshold();
    CaseReport report =
        ReportTables.publish(
            dimensions.stream().map(Dimension::apiName).toList(),
            counts.by(dimensions, where),
            counts.total(where),
            t,
            dimensions.stream().anyMatch(Dimension::multiValued) ? "mentions" : "persons",
            f.from(),
            f.to(),
            scope.onlyTeam().orElse(f.team()));
    audit.record(
        AuditTrail.Entry.of(action, "report", what)
            .details(
                "groupBy: "
                    + String.join(",", groupBy)
                    + "; filters: "
                    + f.describe()
                    + "; "
                    + scope.describe()
                    + "; cells: "
                    + report.rows().size()
                    + ", withheld: "
                    + report.suppressedCells()));
    return report;
  }

  /** One to three known dimensions, each once; anything else is refused naming the choices. */
  static List<Dimension> dimensions(List<String> groupBy) {
    if (groupBy == null || groupBy.isEmpty() || groupBy.size() > Dimension.MAX) {
      throw new InvalidField(
          "groupBy",
          "name one to " + Dimension.MAX + " of: " + String.join(", ", Dimension.names()));
    }
    List<Dimension> dimensions = new ArrayList<>();
    for (String name : groupBy) {
      Dimension d =
          Dimension.byName(name == null ? "" : name.strip())
              .orElseThrow(
                  () ->
                      new InvalidField(
                          "groupBy", "must be among: " + String.join(", ", Dimension.names())));
      if (dimensions.contains(d)) {
        throw new InvalidField("groupBy", "names " + d.apiName() + " twice");
      }
      dimensions.add(d);
    }
    return dimensions;
  }
}
