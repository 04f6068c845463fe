package org.haven.audit.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.haven.audit.boundary.AuditQuery;
import org.haven.audit.entity.AuditAction;
import org.haven.problems.InvalidField;

/** The viewer's filters as query parameters, shared by the event list and its CSV export. */
public class AuditFilters {

  static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

  @QueryParam("caseNumber")
  String caseNumber;

  @QueryParam("user")
  String user;

  @QueryParam("action")
  String action;

  @QueryParam("from")
  @Pattern(regexp = DATE, message = "must be a date written YYYY-MM-DD")
  String from;

  @QueryParam("to")
  @Pattern(regexp = DATE, message = "must be a date written YYYY-MM-DD")
  String to;

  AuditQuery query() {
    AuditAction code = null;
    if (action != null && !action.isBlank()) {
      try {
        code = AuditAction.valueOf(action);
      } catch (IllegalArgumentException e) {
        throw new InvalidField("action", "must be one of " + List.of(AuditAction.values()));
      }
    }
    return new AuditQuery(caseNumber, user, code, date("from", from), date("to", to));
  }

  private static LocalDate date(String field, String value) {
    try {
      return value == null ? null : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidField(field, "must be a real date written YYYY-MM-DD");
    }
  }
}
