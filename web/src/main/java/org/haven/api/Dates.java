package org.haven.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.haven.problems.InvalidField;

/**
 * Dates in request bodies and query strings: ISO {@code YYYY-MM-DD}, taken as text so that a wrong
 * one is reported naming its field (a JSON-B parse failure could not say which).
 */
public final class Dates {

  /** The pattern a request's date field is validated against first. */
  public static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

  public static final String MESSAGE = "must be a date written YYYY-MM-DD";

  private Dates() {}

  /** The date, or null for none; a well-formed non-date (2026-02-30) names its field. */
  public static LocalDate parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidField(field, "must be a real date written YYYY-MM-DD");
    }
  }
}
