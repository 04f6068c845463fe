package org.haven.reports.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.haven.reports.control.CellSuppression.Cell;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Small cells are withheld, and so many others that subtraction recovers none of them. */
class CellSuppressionTest {

  static final int T = 5;

  @Test
  void a_small_cell_and_the_smallest_other_are_withheld() {
    List<Cell> cells = List.of(cell(10, "A"), cell(3, "B"), cell(20, "C"), cell(7, "D"));

    boolean[] withheld = CellSuppression.withheld(cells, 1, T);

    // Total 40 minus the published 20 + 10 leaves 10 for B and D together: B could be 1 to 9.
    assertArrayEquals(new boolean[] {false, true, false, true}, withheld);
  }

  @Test
  void two_small_cells_that_together_would_tell_each_other_get_a_third() {
    // 1 and 1: a published total would say they hold 2, so each holds exactly 1.
    List<Cell> cells = List.of(cell(1, "A"), cell(1, "B"), cell(30, "C"), cell(40, "D"));

    boolean[] withheld = CellSuppression.withheld(cells, 1, T);

    assertArrayEquals(new boolean[] {true, true, true, false}, withheld);
  }

  @Test
  void nothing_is_withheld_when_no_cell_is_small() {
    List<Cell> cells = List.of(cell(5, "A"), cell(6, "B"));

    assertArrayEquals(new boolean[] {false, false}, CellSuppression.withheld(cells, 1, T));
  }

  @Test
  void the_subtraction_attack_on_a_two_way_table_recovers_no_cell() {
    // Sex by age band; the one-way tables by sex and by age band publish the margins.
    List<Cell> cells =
        List.of(
            cell(12, "F", "18-20"),
            cell(2, "F", "21-23"),
            cell(9, "F", "24-26"),
            cell(15, "M", "18-20"),
            cell(8, "M", "21-23"),
            cell(11, "M", "24-26"));

    boolean[] withheld = CellSuppression.withheld(cells, 2, T);

    assertTrue(withheld[1], "the cell of 2 is withheld");
    assertLinesProtect(cells, withheld, 2);
  }

  /** Random tables of one to three dimensions, many of them sparse. */
  @RepeatedTest(300)
  void every_line_of_any_table_protects_its_withheld_cells(RepetitionInfo run) {
    Random random = new Random(run.getCurrentRepetition());
    int dimensions = 1 + random.nextInt(3);
    List<Cell> cells = new ArrayList<>();
    int values = 1 + random.nextInt(5);
    for (int a = 0; a < values; a++) {
      for (int b = 0; b < (dimensions > 1 ? values : 1); b++) {
        for (int c = 0; c < (dimensions > 2 ? values : 1); c++) {
          if (random.nextInt(4) == 0) {
            continue; // an empty cell is not listed
          }
          List<String> key = new ArrayList<>(List.of("a" + a, "b" + b, "c" + c));
          long count = random.nextBoolean() ? 1 + random.nextInt(4) : 1 + random.nextInt(60);
          cells.add(new Cell(key.subList(0, dimensions), count));
        }
      }
    }

    boolean[] withheld = CellSuppression.withheld(cells, dimensions, T);

    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i).count() < T) {
        assertTrue(withheld[i], "a small cell is published: " + cells.get(i));
      }
    }
    assertLinesProtect(cells, withheld, dimensions);
  }

  /**
   * The attacker's view of each line: the margin (published by the table with one dimension fewer)
   * less the published cells is the withheld cells' sum; each withheld cell is then known to lie
   * between 1 and that sum less one for each other withheld cell. That range must reach the
   * threshold, unless the whole line is withheld (its margin is then small, and withheld too).
   */
  static void assertLinesProtect(List<Cell> cells, boolean[] withheld, int dimensions) {
    for (int d = 0; d < dimensions; d++) {
      Map<List<String>, List<Integer>> lines = new HashMap<>();
      for (int i = 0; i < cells.size(); i++) {
        List<String> others = new ArrayList<>(cells.get(i).values());
        others.remove(d);
        lines.computeIfAbsent(others, k -> new ArrayList<>()).add(i);
      }
      for (List<Integer> line : lines.values()) {
        long sum = 0;
        int hidden = 0;
        boolean anyShown = false;
        for (int i : line) {
          if (withheld[i]) {
            hidden++;
            sum += cells.get(i).count();
          } else {
            anyShown = true;
          }
        }
        if (hidden == 0 || !anyShown) {
          continue;
        }
        long highest = sum - (hidden - 1);
        assertTrue(hidden >= 2, "one withheld cell alone in a line: " + line);
        assertTrue(highest >= T, "the withheld cells of a line tell each other: " + line);
      }
    }
  }

  @Test
  void a_line_with_nothing_published_is_left_as_it_is() {
    List<Cell> cells = List.of(cell(1, "A"), cell(2, "B"));

    boolean[] withheld = CellSuppression.withheld(cells, 1, T);

    assertArrayEquals(new boolean[] {true, true}, withheld);
    assertFalse(CellSuppression.protects(2, 3, T));
  }

  private static Cell cell(long count, String... values) {
    return new Cell(List.of(values), count);
  }
}
