package org.haven.reports.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.reports.boundary.CaseReport;
import org.haven.reports.boundary.CaseReports;
import org.haven.reports.boundary.Indicators;
import org.haven.reports.boundary.ReportIndicators;

/**
 * Statistics over REST: {@code /api/v1/reports/…}, for supervisors (their team) and administrators
 * (every team, counts only). Small numbers are withheld (docs/security/statistics.md).
 */
@Tag(name = "reports")
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.SUPERVISOR, AccessPolicy.ADMIN})
public class ReportsResource {

  @Inject CaseReports reports;
  @Inject ReportIndicators indicators;

  @Operation(
      operationId = "reportCases",
      summary = "Count cases by one to three coded dimensions, small cells withheld")
  @GET
  @Path("cases")
  public CaseReport cases(
      @QueryParam("groupBy")
          @Parameter(
              description =
                  "One to three of sex, ageBand, nationality, exploitationType, labourType,"
                      + " meansOfControl, recruiterRelationship, recruitmentMethod,"
                      + " countryOfExploitation, riskLevel, status, team, intakeMonth,"
                      + " intakeQuarter, intakeYear, majority; comma-separated",
              required = true)
          List<String> groupBy,
      @Valid @BeanParam ReportParameters filters) {
    return reports.cases(names(groupBy), filters.filters());
  }

  @Operation(
      operationId = "reportIndicators",
      summary = "The donors' indicators for a period, small numbers withheld")
  @GET
  @Path("indicators")
  public Indicators indicators(@Valid @BeanParam ReportParameters filters) {
    return indicators.indicators(filters.filters());
  }

  /** {@code groupBy=a,b} and {@code groupBy=a&groupBy=b} alike. */
  static List<String> names(List<String> groupBy) {
    return groupBy == null
        ? List.of()
        : groupBy.stream()
            .flatMap(g -> Arrays.stream(g.split(",", -1)))
            .map(String::strip)
            .toList();
  }
}
