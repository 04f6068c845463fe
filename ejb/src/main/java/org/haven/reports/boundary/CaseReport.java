package org.haven.reports.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A table of case counts as published: each row's values (a code, an age band, a period; {@code
 * null} where the case has none recorded) and its count, or no count where it is withheld. {@code
 * total} counts persons; it is withheld too when it is itself a small number. {@code counts} says
 * what the rows count: {@code persons}, or {@code mentions} when a dimension has several values per
 * case (two forms of exploitation count under both).
 */
@JsonbNillable
@JsonbPropertyOrder({
  "groupBy",
  "from",
  "to",
  "team",
  "counts",
  "rows",
  "total",
  "suppressedBelow",
  "roundedTo",
  "suppressedCells"
})
public record CaseReport(
    List<String> groupBy,
    LocalDate from,
    LocalDate to,
    String team,
    String counts,
    List<Row> rows,
    Long total,
    int suppressedBelow,
    int roundedTo,
    int suppressedCells) {

  /** One cell of the table. */
  @JsonbNillable
  @JsonbPropertyOrder({"values", "count", "suppressed"})
  public record Row(Map<String, String> values, Long count, boolean suppressed) {}
}
