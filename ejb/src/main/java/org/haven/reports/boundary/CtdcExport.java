package org.haven.reports.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.access.boundary.AccessPolicy;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.entity.AuditAction;
import org.haven.reports.control.CtdcCodebook;
import org.haven.reports.control.CtdcCodebook.Facts;
import org.haven.reports.control.CtdcFacts;
import org.haven.reports.control.KAnonymity;

/**
 * The CTDC export for administrators: one row per survivor whose consent to anonymised statistics
 * is in force, in the codebook's columns, k-anonymised over the quasi-identifiers (generalised
 * first, then suppressed) so that every released combination occurs at least {@code k} times. Read
 * from coded columns only; audited with its counts.
 */
@Stateless
@RolesAllowed(AccessPolicy.ADMIN)
public class CtdcExport {

  /** CTDC's own k; the configuration can raise it, never lower it. */
  public static final int LOWEST_K = 11;

  @Inject CtdcFacts facts;
  @Inject AuditTrail audit;

  @Inject
  @ConfigProperty(name = "haven.exports.ctdc.k", defaultValue = "11")
  int configuredK;

  public int k() {
    return Math.max(LOWEST_K, configuredK);
  }

  /** What an export made now would release and withhold, without releasing anything. */
  public DisclosureReport report() {
    Release release = release();
    audit.record(
        AuditTrail.Entry.of(AuditAction.REPORT_VIEWED, "export", "ctdc")
            .details("disclosure report; " + release.report().describe()));
    return release.report();
  }

  /**
   * Writes the export as CSV (a header of the codebook's column names, then the released rows,
   * ordered by their values so that the order tells nothing of when a case was registered).
   */
  public DisclosureReport export(Writer out) throws IOException {
    Release release = release();
    audit.recordApart(
        AuditTrail.Entry.of(AuditAction.STATISTICS_EXPORTED, "export", "ctdc")
            .details(release.report().describe()));
    out.write(String.join(",", CtdcCodebook.COLUMNS));
    out.write("\r\n");
    for (List<String> row : release.rows()) {
      out.write(csv(row));
      out.write("\r\n");
    }
    out.flush();
    return release.report();
  }

  private record Release(List<List<String>> rows, DisclosureReport report) {}

  private Release release() {
    int k = k();
    List<Facts> eligible = facts.eligible();
    List<List<String>> rows = new ArrayList<>(eligible.size());
    Map<List<String>, Long> counts = new HashMap<>();
    for (Facts f : eligible) {
      List<String> row = CtdcCodebook.row(f);
      rows.add(row);
      counts.merge(CtdcCodebook.quasiIdentifiers(row), 1L, Long::sum);
    }
    KAnonymity.Result result = KAnonymity.anonymise(counts, k, CtdcCodebook.HIERARCHY);
    List<List<String>> released = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> to = result.released().get(CtdcCodebook.quasiIdentifiers(row));
      if (to != null) {
        released.add(CtdcCodebook.released(row, to));
      }
    }
    released.sort(BY_VALUES);
    Map<String, Long> generalisations = new LinkedHashMap<>();
    result.generalised().forEach((step, n) -> generalisations.put(step.name(), n));
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
