package org.haven.reports.control;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * k-anonymity of a table of quasi-identifiers by local recoding, then suppression (as CTDC releases
 * its global dataset, k = 11): the rows of a combination that fewer than {@code k} rows share are
 * generalised one step at a time, in the order of {@link Step}, and only those rows; whatever still
 * sits in a group under {@code k} after the last step is withheld. Every released combination of
 * quasi-identifiers then occurs at least {@code k} times.
 *
 * <p>Works on the distinct combinations and their counts, never on people: the caller counts, and
 * maps each row's combination through {@link Result#released}.
 */
public final class KAnonymity {

  /** A generalisation, applied to the rows of small groups, in this order. */
  public enum Step {
    AGE_TO_BROAD_BAND,
    CITIZENSHIP_TO_REGION,
    COUNTRY_TO_REGION,
    CITIZENSHIP_REMOVED,
    COUNTRY_REMOVED
  }

  /**
   * What each step does to a combination (a list of quasi-identifier values); a step that cannot
   * generalise a combination further returns it unchanged.
   */
  public interface Hierarchy {
    List<String> apply(Step step, List<String> combination);
  }

  /**
   * The outcome: for each original combination the one released (or {@code null}: withheld), how
   * many rows each step generalised, and the smallest released group.
   */
  public record Result(
      Map<List<String>, List<String>> released,
      long eligible,
      long releasedRows,
      long suppressedRows,
      Map<Step, Long> generalised,
      long smallestGroup,
      int groups) {}

  private KAnonymity() {}

  public static Result anonymise(Map<List<String>, Long> counts, int k, Hierarchy hierarchy) {
    Map<List<String>, List<String>> released = new LinkedHashMap<>();
    counts.keySet().forEach(c -> released.put(c, c));
    Map<Step, Long> generalised = new EnumMap<>(Step.class);
    for (Step step : Step.values()) {
      Map<List<String>, Long> groups = groups(counts, released);
      long rows = 0;
      for (Map.Entry<List<String>, List<String>> e : released.entrySet()) {
        if (groups.get(e.getValue()) < k) {
          List<String> more = hierarchy.apply(step, e.getValue());
          if (!more.equals(e.getValue())) {
            e.setValue(List.copyOf(more));
            rows += counts.get(e.getKey());
          }
        }
      }
      generalised.put(step, rows);
    }
    Map<List<String>, Long> groups = groups(counts, released);
    long eligible = 0;
    long suppressed = 0;
    for (Map.Entry<List<String>, List<String>> e : released.entrySet()) {
      long n = counts.get(e.getKey());
      eligible += n;
      if (groups.get(e.getValue()) < k) {
        suppressed += n;
        e.setValue(null);
      }
    }
    long smallest =
        groups.values().stream().filter(n -> n >= k).mapToLong(Long::longValue).min().orElse(0);
    int kept = (int) groups.values().stream().filter(n -> n >= k).count();
    return new Result(
        released, eligible, eligible - suppressed, suppressed, generalised, smallest, kept);
  }

  private static Map<List<String>, Long> groups(
      Map<List<String>, Long> counts, Map<List<String>, List<String>> released) {
    Map<List<String>, Long> groups = new HashMap<>();
    released.forEach((from, to) -> groups.merge(to, counts.get(from), Long::sum));
    return groups;
  }

  /** A hierarchy from one function per step, each changing one position of the combination. */
  public static Hierarchy byPosition(Map<Step, Map.Entry<Integer, UnaryOperator<String>>> steps) {
    return (step, combination) -> {
      Map.Entry<Integer, UnaryOperator<String>> change = steps.get(step);
      if (change == null) {
        return combination;
      }
      List<String> next = new ArrayList<>(combination);
      next.set(change.getKey(), change.getValue().apply(combination.get(change.getKey())));
      return next;
    };
  }
}
