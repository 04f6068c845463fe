package org.haven.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haven.labels.control.CodeLabels;

/**
 * Coded values (statuses, risk levels, CTDC codes…) in the user's words for the pages: {@code
 * #{labels.of(c.status)}} reads {@code CaseStatus.OPEN} in the page's language from {@link
 * CodeLabels}, the one bundle of coded values.
 */
@Named
@ApplicationScoped
public class Labels {

  public String of(Object code) {
    if (code == null) {
      return "—";
    }
    if (!(code instanceof Enum<?> value)) {
      return String.valueOf(code);
    }
    return CodeLabels.of(value, Texts.locale());
  }

  /**
   * A service type's name in the page's language: the seeded catalogue's codes are in the bundle
   * ({@code ServiceType.SHELTER}); a type an administrator added shows the name they gave it.
   */
  public String service(String code, String name) {
    String words = CodeLabels.service(code, name, Texts.locale());
    return words == null ? "—" : words;
  }

  /** A team's name in the page's language, where Haven has words for it. */
  public String team(String name) {
    return name == null || name.isEmpty() ? "—" : CodeLabels.team(name, Texts.locale());
  }

  /**
   * A code stored as text (an audit event's action, a state named in its details) in words: the
   * bundle's label of the one enum constant of that name ({@code CASE_READ} is {@code
   * AuditAction.CASE_READ}); a code no bundle names stays as it was written.
   */
  public String ofCode(String code) {
    return ofCode(code, Texts.locale());
  }

  String ofCode(String code, Locale language) {
    return code == null ? "—" : CodeLabels.ofCode(code, language).orElse(code);
  }

  /**
   * Audit details in the page's language as far as they are codes: "from PENDING_APPROVAL to SENT"
   * reads "de En attente d'approbation à Envoyée". Free words (a reason someone typed) stay as
   * written: the trail records what was said, not a translation of it.
   */
  public String ofDetails(String details) {
    return ofDetails(details, Texts.locale());
  }

  String ofDetails(String details, Locale language) {
    if (details == null || details.isEmpty()) {
      return "";
    }
    Matcher fromTo = FROM_TO.matcher(details);
    StringBuilder words = new StringBuilder();
    while (fromTo.find()) {
      fromTo.appendReplacement(
          words,
          Matcher.quoteReplacement(
              Texts.get(
                  language,
                  "audit.fromTo",
                  ofCode(fromTo.group(1), language),
                  ofCode(fromTo.group(2), language))));
    }
    fromTo.appendTail(words);
    Matcher code = CodeLabels.CODE.matcher(words.toString());
    StringBuilder out = new StringBuilder();
    while (code.find()) {
      code.appendReplacement(out, Matcher.quoteReplacement(ofCode(code.group(), language)));
    }
    return code.appendTail(out).toString();
  }

  private static final Pattern FROM_TO =
      Pattern.compile("\\bfrom ([A-Z][A-Z_]+) to ([A-Z][A-Z_]+)\\b");

  /** A list of codes, each in words, separated by commas. */
  public String ofAll(java.util.Collection<?> codes) {
    if (codes == null || codes.isEmpty()) {
      return "—";
    }
    return String.join(", ", codes.stream().map(this::of).toList());
  }
}
