package org.haven.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.haven.reports.boundary.CaseReport;
import org.haven.reports.control.CellSuppression.Cell;
import org.junit.jupiter.api.Test;

/** Published tables: rounded, so that two differently withheld tables do not subtract exactly. */
class ReportTablesTest {

  static final int T = 5;

  @Test
  void a_filtered_slice_and_a_wider_table_do_not_give_a_withheld_cell_back() {
    // Status by sex, and the same cases filtered to OPEN by sex: each withholds differently.
    CaseReport wide =
        ReportTables.publish(
            List.of("status", "sex"),
            List.of(
                cell(2, "OPEN", "F"),
                cell(10, "OPEN", "M"),
                cell(8, "OPEN", "O"),
                cell(30, "CLOSED", "F"),
                cell(3, "CLOSED", "M"),
                cell(40, "CLOSED", "O")),
            93,
            T,
            "persons",
            null,
            null,
            null);
    CaseReport open =
        ReportTables.publish(
            List.of("sex"),
            List.of(cell(2, "F"), cell(10, "M"), cell(8, "O")),
            20,
            T,
            "persons",
            null,
            null,
            null);

    Long openOther = count(wide, "OPEN", "O");
    Long openMen = count(open, null, "M");
    long attack =
        open.total() - (openMen == null ? 0 : openMen) - (openOther == null ? 0 : openOther);
    assertNotEquals(2, attack, "the open women's 2 is not recovered");
    assertNull(count(open, null, "F"));
  }

  @Test
  void counts_are_published_to_the_nearest_five_and_small_totals_withheld() {
    CaseReport r =
        ReportTables.publish(
            List.of("sex"),
            List.of(cell(6, "F"), cell(13, "M")),
            19,
            T,
            "persons",
            null,
            null,
            null);

    assertEquals(5L, r.rows().get(0).count());
    assertEquals(15L, r.rows().get(1).count());
    assertEquals(20L, r.total());
    assertEquals(5, r.roundedTo());
    assertNull(
        ReportTables.publish(
                List.of("sex"), List.of(cell(3, "F")), 3, T, "persons", null, null, null)
            .total());
    assertEquals(
        0L,
        ReportTables.publish(List.of("sex"), List.of(), 0, T, "persons", null, null, null).total());
  }

  private static Long count(CaseReport r, String status, String sex) {
    return r.rows().stream()
        .filter(row -> sex.equals(row.values().get("sex")))
        .filter(row -> status == null || status.equals(row.values().get("status")))
        .findFirst()
        .orElseThrow()
        .count();
  }

  private static Cell cell(long count, String... values) {
    return new Cell(List.of(values), count);
  }
}
