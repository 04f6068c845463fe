package org.haven.reports.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.StatisticsScope;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.entity.AuditAction;
import org.haven.database.control.Where;
import org.haven.reports.control.CaseCounts;
import org.haven.reports.control.Dimension;
import org.haven.reports.control.IndicatorCounts;
import org.haven.reports.control.ReportTables;

/**
 * The donors' indicators for a period, for supervisors (their team) and administrators (every
 * team), small numbers withheld as in every report; audited once per request.
 */
@Stateless
@RolesAllowed({AccessPolicy.SUPERVISOR, AccessPolicy.ADMIN})
public class ReportIndicators {

  /** A median over fewer cases than this is withheld: over five, it is one person's own figure. */
  static final int MEDIAN_OVER = 10;

  @Inject AccessPolicy access;
  @Inject AuditTrail audit;
  @Inject CaseCounts counts;
  @Inject IndicatorCounts indicators;
  @Inject CaseReports reports;

  public Indicators indicators(ReportFilters filters) {
    StatisticsScope scope = access.statisticsScope(filters == null ? null : filters.team());
    ReportFilters f = filters == null ? ReportFilters.NONE : filters;
    int t = reports.threshold();
    String team = scope.onlyTeam().orElse(f.team());
    Where cases = CaseCounts.where(scope, f);
    Where casesAnyTime = CaseCounts.where(scope, f.withoutPeriod());
    long total = counts.total(cases);
    List<Dimension> byForm = List.of(Dimension.INTAKE_QUARTER, Dimension.EXPLOITATION_TYPE);
    List<Dimension> bySex = List.of(Dimension.INTAKE_QUARTER, Dimension.SEX, Dimension.MAJORITY);
    List<Long> days = indicators.daysToFirstService(cases);
    Indicators result =
        new Indicators(
            f.from(),
            f.to(),
            team,
            ReportTables.publish(
                names(byForm),
                counts.by(byForm, cases),
                total,
                t,
                "mentions",
                f.from(),
                f.to(),
                team),
            ReportTables.publish(
                names(bySex), counts.by(bySex, cases), total, t, "persons", f.from(), f.to(), team),
            ReportTables.publish(
                List.of("serviceType", "referralStatus"),
                indicators.referrals(casesAnyTime, f.from(), f.to()),
                -1,
                t,
                "mentions",
                f.from(),
                f.to(),
                team),
            ReportTables.publish(
                List.of("quarter", "status"),
                indicators.closures(casesAnyTime, f.from(), f.to()),
                -1,
                t,
                "mentions",
                f.from(),
                f.to(),
                team),
            days.size() < Math.max(MEDIAN_OVER, t)
                ? new Indicators.FirstService(null, null)
                : new Indicators.FirstService(
                    ReportTables.rounded(days.size()), (double) Math.round(median(days))));
    audit.record(
        AuditTrail.Entry.of(AuditAction.REPORT_VIEWED, "report", "indicators")
            .details("indicators; filters: " + f.describe() + "; " + scope.describe()));
    return result;
  }

  private static List<String> names(List<Dimension> dimensions) {
    return dimensions.stream().map(Dimension::apiName).toList();
  }

  static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
