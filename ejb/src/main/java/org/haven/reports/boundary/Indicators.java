package org.haven.reports.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.LocalDate;

/**
 * What a donor asks for each period, small numbers withheld like every report: survivors identified
 * by form of exploitation, and by sex and minor or adult (per quarter of intake); referrals by
 * service and where they stand; cases closed and reopened per quarter; the median days from intake
 * to the first service delivered.
 */
@JsonbNillable
@JsonbPropertyOrder({
  "from",
  "to",
  "team",
  "identifiedByForm",
  "identifiedBySexAndMajority",
  "referralsByServiceAndOutcome",
  "closedAndReopened",
  "firstService"
})
public record Indicators(
    LocalDate from,
    LocalDate to,
    String team,
    CaseReport identifiedByForm,
    CaseReport identifiedBySexAndMajority,
    CaseReport referralsByServiceAndOutcome,
    CaseReport closedAndReopened,
    FirstService firstService) {

  /**
   * Days from intake to the first service delivered, over the cases that had one; withheld (both
   * null) when they are fewer than the threshold.
   */
  @JsonbNillable
  @JsonbPropertyOrder({"cases", "medianDays"})
  public record FirstService(Long cases, Double medianDays) {}
}
