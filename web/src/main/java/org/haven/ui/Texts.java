package org.haven.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user's texts for Java code (the pages use {@code #{msg[...]}}): the same bundle, {@code
 * org.haven.web.messages}, in the page's language. A missing key shows as {@code ???key???}, as
 * Faces does, so a gap is seen rather than hidden.
 */
public final class Texts {

  public static final String BUNDLE = "org.haven.web.messages";

  private Texts() {}

  public static String get(String key, Object... args) {
    return get(locale(), key, args);
  }

  static String get(Locale locale, String key, Object... args) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
    } catch (MissingResourceException e) {
      return "???" + key + "???";
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** Adds a page-wide message in the user's language. */
  public static void say(FacesMessage.Severity severity, String key, Object... args) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(severity, get(key, args), null));
  }

  /** Adds a page-wide message that is already words (a boundary's refusal, a validation). */
  public static void sayAsIs(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  /** The page's language (English outside a page request). */
  public static Locale language() {
    return locale();
  }

  /** A text of the bundle in {@code language}, for work done outside the page's request. */
  public static String in(Locale language, String key, Object... args) {
    return get(language, key, args);
  }

  static Locale locale() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context == null || context.getViewRoot() == null
        ? Locale.ENGLISH
        : context.getViewRoot().getLocale();
  }
}
