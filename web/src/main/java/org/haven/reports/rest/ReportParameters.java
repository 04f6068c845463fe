package org.haven.reports.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.haven.api.Dates;
import org.haven.api.OneOf;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.RiskLevel;
import org.haven.reports.boundary.ReportFilters;

/** A report's filters as query parameters: the period of intake and the case list's filters. */
public class ReportParameters {

  @QueryParam("from")
  @Pattern(regexp = Dates.DATE, message = Dates.MESSAGE)
  @Schema(description = "First day of intake counted (UTC), YYYY-MM-DD")
  String from;

  @QueryParam("to")
  @Pattern(regexp = Dates.DATE, message = Dates.MESSAGE)
  @Schema(description = "Last day of intake counted (UTC), YYYY-MM-DD")
  String to;

  @QueryParam("status")
  @Schema(implementation = CaseStatus.class)
  @OneOf(CaseStatus.class)
  String status;

  @QueryParam("riskLevel")
  @Schema(implementation = RiskLevel.class)
  @OneOf(RiskLevel.class)
  String riskLevel;

  @QueryParam("exploitationType")
  @Schema(implementation = ExploitationType.class)
  @OneOf(ExploitationType.class)
  String exploitationType;

  @QueryParam("team")
  @Size(max = 64, message = "must be a team's name")
  @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a team's name (letters, digits, . _ -)")
  @Schema(description = "Only this team's cases (administrators)")
  String team;

  ReportFilters filters() {
    return new ReportFilters(
        Dates.parse("from", from),
        Dates.parse("to", to),
        status == null ? null : CaseStatus.valueOf(status),
        riskLevel == null ? null : RiskLevel.valueOf(riskLevel),
        exploitationType == null ? null : ExploitationType.valueOf(exploitationType),
        team);
  }
}
