package org.haven.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Menus of countries and languages, named in the user's language and sorted as they read. */
@Named
@RequestScoped
public class Choices {

  private List<SelectItem> countries;
  private List<SelectItem> languages;

  /** ISO 3166 countries, for nationality and country of exploitation. */
  public List<SelectItem> getCountries() {
    if (countries == null) {
      Locale locale = locale();
      countries =
          Arrays.stream(Locale.getISOCountries())
              .map(code -> new SelectItem(code, new Locale("", code).getDisplayCountry(locale)))
              .sorted(Comparator.comparing(SelectItem::getLabel))
              .toList();
    }
    return countries;
  }

  /**
   * ISO 639 languages, each once: the JDK also lists the withdrawn codes of Hebrew, Indonesian and
   * Yiddish (iw, in, ji), which it now reads as he, id, yi.
   */
  public List<SelectItem> getLanguages() {
    if (languages == null) {
      Locale locale = locale();
      languages =
          Arrays.stream(Locale.getISOLanguages())
              .filter(code -> new Locale(code).getLanguage().equals(code))
              .map(code -> new SelectItem(code, new Locale(code).getDisplayLanguage(locale)))
              .sorted(Comparator.comparing(SelectItem::getLabel))
              .toList();
    }
    return languages;
  }

  /** Languages' names in the user's language ({@code ti, en} → Tigrinya, English). */
  public String languages(List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      return "—";
    }
    Locale locale = locale();
    return String.join(
        ", ", codes.stream().map(code -> new Locale(code).getDisplayLanguage(locale)).toList());
  }

  /** A country's name in the user's language ({@code TH} → Thailand). */
  public String country(String code) {
    return code == null || code.isBlank() ? "—" : new Locale("", code).getDisplayCountry(locale());
  }

  private static Locale locale() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale();
  }
}
