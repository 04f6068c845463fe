package org.haven.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coded values (statuses, risk levels, CTDC codes…) in the user's words: {@code
 * #{labels.of(c.status)}} reads {@code CaseStatus.OPEN} from the bundle, falling back to the code
 * made readable, so a new code never shows blank.
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
    return label(value.getDeclaringClass().getSimpleName() + "." + value.name())
        .orElseGet(
            () -> {
              String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
              return Character.toUpperCase(words.charAt(0)) + words.substring(1);
            });
  }

  /** The bundle's text for {@code key} in the page's language, if it has one. */
  private static java.util.Optional<String> label(String key) {
    try {
      return java.util.Optional.of(
          ResourceBundle.getBundle(Texts.BUNDLE, Texts.locale()).getString(key));
    } catch (MissingResourceException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * A service type's name in the page's language: the seeded catalogue's codes are in the bundle
   * ({@code ServiceType.SHELTER}); a type an administrator added shows the name they gave it.
   */
  public String service(String code, String name) {
    if (code == null) {
      return name == null ? "—" : name;
    }
    return label("ServiceType." + code).orElse(name == null ? code : name);
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
    if (code == null) {
      return "—";
    }
    ResourceBundle bundle = ResourceBundle.getBundle(Texts.BUNDLE, language);
    return CODES
        .computeIfAbsent(bundle.getLocale(), locale -> codes(bundle))
        .getOrDefault(code, code);
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
    Matcher code = CODE.matcher(words.toString());
    StringBuilder out = new StringBuilder();
    while (code.find()) {
      code.appendReplacement(out, Matcher.quoteReplacement(ofCode(code.group(), language)));
    }
    return code.appendTail(out).toString();
  }

  private static Map<String, String> codes(ResourceBundle bundle) {
    Map<String, String> codes = new HashMap<>();
    for (String key : new TreeSet<>(bundle.keySet())) {
      int dot = key.indexOf('.');
      if (dot > 0
          && Character.isUpperCase(key.charAt(0))
          && CODE.matcher(key.substring(dot + 1)).matches()) {
        codes.putIfAbsent(key.substring(dot + 1), bundle.getString(key));
      }
    }
    return Map.copyOf(codes);
  }

  private static final Pattern CODE =
      Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[A-Z]{3,}\\b");
  private static final Pattern FROM_TO =
      Pattern.compile("\\bfrom ([A-Z][A-Z_]+) to ([A-Z][A-Z_]+)\\b");
  private static final Map<Locale, Map<String, String>> CODES = new ConcurrentHashMap<>();

  /** A list of codes, each in words, separated by commas. */
  public String ofAll(java.util.Collection<?> codes) {
    if (codes == null || codes.isEmpty()) {
      return "—";
    }
    return String.join(", ", codes.stream().map(this::of).toList());
  }
}
