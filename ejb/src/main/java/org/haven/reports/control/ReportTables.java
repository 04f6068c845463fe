package org.haven.reports.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haven.reports.boundary.CaseReport;
import org.haven.reports.control.CellSuppression.Cell;

/**
 * Counted cells as a published table: ordered, small cells and their complements withheld, every
 * published count rounded.
 */
public final class ReportTables {

  /**
   * Published counts are rounded to a multiple of this (docs/security/statistics.md): withholding
   * alone differs from one table to the next, and exact margins would let one subtract.
   */
  public static final int ROUNDING = 5;

  private ReportTables() {}

  /** {@code n} to the nearest multiple of {@link #ROUNDING}; never a published zero for people. */
  public static long rounded(long n) {
    return Math.max(ROUNDING, Math.round(n / (double) ROUNDING) * ROUNDING);
  }

  /**
   * The table of {@code cells} by {@code names} (one per value of a cell), with the total of
   * persons (or, when {@code total} is negative, the sum of the cells: a table of referrals counts
   * referrals), withheld itself when it is small.
   */
  public static CaseReport publish(
      List<String> names,
      List<Cell> counted,
      long total,
      int threshold,
      String counts,
      java.time.LocalDate from,
      java.time.LocalDate to,
      String team) {
    List<Cell> cells = new ArrayList<>(counted);
    cells.sort(ORDER);
    if (total < 0) {
      total = cells.stream().mapToLong(Cell::count).sum();
    }
    boolean[] withheld = CellSuppression.withheld(cells, names.size(), threshold);
    List<CaseReport.Row> rows = new ArrayList<>();
    int suppressed = 0;
    for (int i = 0; i < cells.size(); i++) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int d = 0; d < names.size(); d++) {
        values.put(names.get(d), cells.get(i).values().get(d));
      }
      rows.add(
          new CaseReport.Row(
              values, withheld[i] ? null : rounded(cells.get(i).count()), withheld[i]));
      suppressed += withheld[i] ? 1 : 0;
    }
    return new CaseReport(
        List.copyOf(names),
        from,
        to,
        team,
        counts,
        rows,
        total == 0 ? Long.valueOf(0) : total < threshold ? null : Long.valueOf(rounded(total)),
        threshold,
        ROUNDING,
        suppressed);
  }

  /** Rows in the order of their values, a case with nothing recorded last. */
  private static final Comparator<Cell> ORDER =
      (a, b) -> {
        for (int i = 0; i < a.values().size(); i++) {
          int c =
              Comparator.nullsLast(Comparator.<String>naturalOrder())
                  .compare(a.values().get(i), b.values().get(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };
}
