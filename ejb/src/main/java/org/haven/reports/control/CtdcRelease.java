package org.haven.reports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haven.reports.boundary.DisclosureReport;
import org.haven.reports.control.CtdcCodebook.Facts;

/**
 * Works out a CTDC release: the eligible survivors' rows, k-anonymised, ordered by value, with the
 * disclosure report; telling {@link Progress} how far it is.
 */
@ApplicationScoped
public class CtdcRelease {

  /** Where a release stands: a phase and how many of its steps are done. */
  public interface Progress {
    Progress NONE = (phase, done, total) -> {};

    void at(String phase, long done, long total);
  }

  @Inject CtdcFacts facts;

  /** The rows to release and what releasing them discloses. */
  public record Release(List<List<String>> rows, DisclosureReport report) {
    /** The CSV: the codebook's column names, then the rows (RFC 4180). */
    public void write(Writer out) throws IOException {
      out.write(String.join(",", CtdcCodebook.COLUMNS));
      out.write("\r\n");
      for (List<String> row : rows) {
        out.write(csv(row));
        out.write("\r\n");
      }
      out.flush();
    }
  }

  public Release release(int k, Progress progress) {
    progress.at("reading", 0, 1);
    List<Facts> eligible = facts.eligible();
    List<List<String>> rows = new ArrayList<>(eligible.size());
    Map<List<String>, Long> counts = new HashMap<>();
    int n = 0;
    for (Facts f : eligible) {
      List<String> row = CtdcCodebook.row(f);
      rows.add(row);
      counts.merge(CtdcCodebook.quasiIdentifiers(row), 1L, Long::sum);
      if (++n % 1_000 == 0) {
        progress.at("coding", n, eligible.size());
      }
    }
    progress.at("anonymising", eligible.size(), eligible.size());
    KAnonymity.Result result = KAnonymity.anonymise(counts, k, CtdcCodebook.HIERARCHY);
    List<List<String>> released = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> to = result.released().get(CtdcCodebook.quasiIdentifiers(row));
      if (to != null) {
        released.add(CtdcCodebook.released(row, to));
      }
    }
    progress.at("ordering", eligible.size(), eligible.size());
    released.sort(BY_VALUES);
    Map<String, Long> generalisations = new LinkedHashMap<>();
    result.generalised().forEach((step, count) -> generalisations.put(step.name(), count));
    return new Release(
        released,
        new DisclosureReport(
            Instant.now(),
            k,
            CtdcCodebook.QUASI_IDENTIFIERS,
            result.eligible(),
            result.releasedRows(),
            result.suppressedRows(),
            generalisations,
            result.smallestGroup(),
            result.groups()));
  }

  private static final Comparator<List<String>> BY_VALUES =
      (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
          int c = a.get(i).compareTo(b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };

  /** A CSV cell: quoted when it holds a comma, a quote or a line break (RFC 4180). */
  static String csv(List<String> row) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      String v = row.get(i);
      if (i > 0) {
        line.append(',');
      }
      if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
        line.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        line.append(v);
      }
    }
    return line.toString();
  }
}
