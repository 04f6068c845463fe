package org.haven.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine browsers' own audits use, run on the page as it stands: the
 * WCAG 2.1 A and AA rules, and what a test fails on, the serious and critical violations.
 */
public final class Axe {

  private static final String SCRIPT = script();
  private static final String RUN =
      "var done = arguments[arguments.length - 1];"
          + "if (!window.axe) { eval(arguments[0]); }"
          + "axe.run(document, {runOnly: {type: 'tag',"
          + " values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
          + ".then(function (r) { done(r.violations.filter(function (v) {"
          + "  return v.impact === 'serious' || v.impact === 'critical'; }).map(function (v) {"
          + "  return {id: v.id, impact: v.impact, help: v.help,"
          + "    nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ': '"
          + "      + (n.failureSummary || '').replace(/\\s+/g, ' '); }), count: v.nodes.length};"
          + "})); }, function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e),"
          + " nodes: [], count: 0}]); });";

  private Axe() {}

  /** The serious and critical violations on the page, one readable line each; empty if none. */
  public static List<String> seriousViolations(WebDriver driver) {
    Object result = ((JavascriptExecutor) driver).executeAsyncScript(RUN, SCRIPT);
    List<String> lines = new ArrayList<>();
    for (Object each : (List<?>) result) {
      Map<?, ?> v = (Map<?, ?>) each;
      lines.add(
          v.get("impact")
              + " "
              + v.get("id")
              + " ("
              + v.get("count")
              + " nodes): "
              + v.get("help")
              + " "
              + v.get("nodes"));
    }
    return lines;
  }

  private static String script() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
