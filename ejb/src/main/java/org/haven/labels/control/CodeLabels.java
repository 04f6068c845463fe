package org.haven.labels.control;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Coded values in a person's language, for the pages and for what the server writes for people (the
 * referral summary): one bundle, {@code org.haven.labels.codes}, so a status or a form of
 * exploitation reads the same on the screen and on paper. A code the bundle lacks reads as its name
 * in words, so a new code never shows blank.
 */
public final class CodeLabels {

  public static final String BUNDLE = "org.haven.labels.codes";

  /** The languages Haven is written in; the first is the reference. */
  public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "fr", "ar");

  /** What a code looks like where it is stored as text: {@code CASE_READ}, {@code SENT}. */
  public static final Pattern CODE =
      Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[A-Z]{3,}\\b");

  private static final Map<Locale, Map<String, String>> BY_CODE = new ConcurrentHashMap<>();

  private CodeLabels() {}

  /** {@code CaseStatus.OPEN} in {@code language}, or "Open" when the bundle has no line for it. */
  public static String of(Enum<?> code, Locale language) {
    return label(code.getDeclaringClass().getSimpleName() + "." + code.name(), language)
        .orElseGet(() -> words(code.name()));
  }

  /** The bundle's text for {@code key} in {@code language}, if it has one. */
  public static Optional<String> label(String key, Locale language) {
    try {
      return Optional.of(bundle(language).getString(key));
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }

  /**
   * A service type's name: the seeded catalogue's codes are in the bundle ({@code
   * ServiceType.SHELTER}); a type an administrator added keeps the name they gave it.
   */
  public static String service(String code, String name, Locale language) {
    if (code == null) {
      return name;
    }
    return label("ServiceType." + code, language).orElse(name == null ? code : name);
  }

  /**
   * A team's name: a team is named by the identity provider's attribute ({@code north}); where the
   * bundle has words for it ({@code Team.north}) they are shown, otherwise the name as given.
   */
  public static String team(String name, Locale language) {
    return name == null ? null : label("Team." + name, language).orElse(name);
  }

  /**
   * A code stored as text (an audit event's action, a state in its details) by the label of the one
   * enum constant of that name; empty when no bundle line names it.
   */
  public static Optional<String> ofCode(String code, Locale language) {
    ResourceBundle bundle = bundle(language);
    return Optional.ofNullable(
        BY_CODE.computeIfAbsent(bundle.getLocale(), l -> byCode(bundle)).get(code));
  }

  /**
   * A language by its name in {@code language}, from the JDK's locale data, with its code for
   * whoever matches it against their own lists: "ti" → "Tigrinya (ti)". An unknown code stays.
   */
  public static String language(String code, Locale language) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(language);
    return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name + " (" + code + ")";
  }

  /** A country (ISO 3166 alpha-2 or alpha-3) by its name with its code: "MDA" → "Moldova (MDA)". */
  public static String country(String code, Locale language) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String alpha2 =
        code.length() == 3
            ? Arrays.stream(Locale.getISOCountries())
                .filter(c -> new Locale("", c).getISO3Country().equalsIgnoreCase(code))
                .findFirst()
                .orElse(code)
            : code;
    String name = new Locale("", alpha2).getDisplayCountry(language);
    return name.isEmpty() || name.equalsIgnoreCase(alpha2) ? code : name + " (" + code + ")";
  }

  /** A code as words: FORCED_LABOUR → Forced labour. */
  public static String words(String code) {
    String text = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static ResourceBundle bundle(Locale language) {
    return ResourceBundle.getBundle(
        BUNDLE,
        language,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static Map<String, String> byCode(ResourceBundle bundle) {
    Map<String, String> codes = new HashMap<>();
    for (String key : new TreeSet<>(bundle.keySet())) {
      int dot = key.indexOf('.');
      if (dot > 0 && CODE.matcher(key.substring(dot + 1)).matches()) {
        codes.putIfAbsent(key.substring(dot + 1), bundle.getString(key));
      }
    }
    return Map.copyOf(codes);
  }
}
