package org.haven.ui;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Shows a {@link LocalDate} (a due date, a consent's date) in the user's language. */
@FacesConverter("haven.date")
public class DateConverter implements Converter<LocalDate> {

  @Override
  public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
    return value == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(context.getViewRoot().getLocale())
            .format(value);
  }

  @Override
  public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
    throw new ConverterException("dates are shown, not entered, in this field");
  }
}
