package org.haven.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

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
    String key = value.getDeclaringClass().getSimpleName() + "." + value.name();
    try {
      return ResourceBundle.getBundle(Texts.BUNDLE, Texts.locale()).getString(key);
    } catch (MissingResourceException e) {
      String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
      return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
  }

  /** A list of codes, each in words, separated by commas. */
  public String ofAll(java.util.Collection<?> codes) {
    if (codes == null || codes.isEmpty()) {
      return "—";
    }
    return String.join(", ", codes.stream().map(this::of).toList());
  }
}
