package org.haven.reports.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression of a table of counts, so that no published number points at fewer than
 * {@code threshold} people (docs/security/statistics.md).
 *
 * <ol>
 *   <li><b>Primary</b>: every cell under the threshold is withheld.
 *   <li><b>Complementary</b>: a line of the table (the cells that share every value but one: what a
 *       table with one dimension fewer sums up, and the whole table for one dimension) that
 *       withholds anything withholds at least two cells holding together at least {@code
 *       threshold}; otherwise its smallest published cell is withheld too, until every line holds.
 *       Then subtracting the published cells from a total or from a smaller table's margin gives
 *       only a sum of several withheld cells, never one of them.
 * </ol>
 */
public final class CellSuppression {

  /** A cell of the table: its values (one per dimension) and how many it counts. */
  public record Cell(List<String> values, long count) {}

  private CellSuppression() {}

  /** Which cells are withheld, by index of {@code cells}. */
  public static boolean[] withheld(List<Cell> cells, int dimensions, int threshold) {
    boolean[] hidden = new boolean[cells.size()];
    for (int i = 0; i < hidden.length; i++) {
      hidden[i] = cells.get(i).count() < threshold;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int d = 0; d < dimensions; d++) {
        for (List<Integer> line : lines(cells, d)) {
          changed |= protect(line, cells, hidden, threshold);
        }
      }
    }
    return hidden;
  }

  /** Withholds one more cell of the line if the line does not yet protect its withheld cells. */
  private static boolean protect(
      List<Integer> line, List<Cell> cells, boolean[] hidden, int threshold) {
    int withheld = 0;
    long sum = 0;
    Integer smallestShown = null;
    for (int i : line) {
      if (hidden[i]) {
        withheld++;
        sum += cells.get(i).count();
      } else if (smallestShown == null || cells.get(i).count() < cells.get(smallestShown).count()) {
        smallestShown = i;
      }
    }
    if (withheld == 0 || protects(withheld, sum, threshold) || smallestShown == null) {
      return false;
    }
    hidden[smallestShown] = true;
    return true;
  }

  /**
   * Whether a line's withheld cells hide each other: from the line's sum (published elsewhere as a
   * margin) less the other cells' least possible counts (one each: a listed cell is never empty),
   * each withheld cell could hold anything from 1 up to at least the threshold.
   */
  static boolean protects(int withheld, long sum, int threshold) {
    return withheld >= 2 && sum - (withheld - 1) >= threshold;
  }

  /** The lines along dimension {@code d}: cells grouped by their other values. */
  private static List<List<Integer>> lines(List<Cell> cells, int d) {
    Map<List<String>, List<Integer>> lines = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      List<String> others = new ArrayList<>(cells.get(i).values());
      others.remove(d);
      lines.computeIfAbsent(others, k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> ordered = new ArrayList<>(lines.values());
    // A stable order, so the same table always withholds the same cells.
    ordered.sort(Comparator.comparing(line -> line.get(0)));
    return ordered;
  }
}
