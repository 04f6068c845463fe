package org.haven.ui;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The language a user reads Haven in: the browser's first supported one until they choose another
 * in the header (English, French, Arabic). Arabic pages are written right to left.
 */
@Named
@SessionScoped
public class LocaleView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The languages Haven's pages are translated into, in the order the header offers them. */
  public static final List<Locale> LANGUAGES =
      List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("ar"));

  private Locale chosen;

  public Locale getLocale() {
    if (chosen == null) {
      chosen = fromBrowser();
    }
    return chosen;
  }

  /** Switches the language and reloads the page in it. */
  public String choose(String tag) {
    chosen =
        LANGUAGES.stream()
            .filter(l -> l.getLanguage().equals(tag))
            .findFirst()
            .orElse(Locale.ENGLISH);
    FacesContext context = FacesContext.getCurrentInstance();
    context.getViewRoot().setLocale(chosen);
    return context.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  /** {@code rtl} for Arabic, {@code ltr} otherwise: the {@code dir} of every page. */
  public String getDirection() {
    return "ar".equals(getLanguage()) ? "rtl" : "ltr";
  }

  public List<Locale> getLanguages() {
    return LANGUAGES;
  }

  /** A language's own name in itself (English, français, العربية). */
  public String nameOf(Locale language) {
    String name = language.getDisplayLanguage(language);
    return name.substring(0, 1).toUpperCase(language) + name.substring(1);
  }

  private static Locale fromBrowser() {
    FacesContext context = FacesContext.getCurrentInstance();
    if (context != null) {
      for (Iterator<Locale> it = context.getExternalContext().getRequestLocales(); it.hasNext(); ) {
        String wanted = it.next().getLanguage();
        for (Locale supported : LANGUAGES) {
          if (supported.getLanguage().equals(wanted)) {
            return supported;
          }
        }
      }
    }
    return Locale.ENGLISH;
  }
}
