package org.haven.ui;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Shows an {@link Instant} as a date and time in the user's language, in UTC (so that a field
 * office and its head office read the same time). Display only: Haven never parses dates typed by
 * users through this converter.
 */
@FacesConverter("haven.instant")
public class InstantConverter implements Converter<Instant> {

  @Override
  public String getAsString(FacesContext context, UIComponent component, Instant value) {
    if (value == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(context.getViewRoot().getLocale())
            .withZone(ZoneOffset.UTC)
            .format(value)
        + " UTC";
  }

  @Override
  public Instant getAsObject(FacesContext context, UIComponent component, String value) {
    throw new ConverterException("times are shown, not entered, in this field");
  }
}
