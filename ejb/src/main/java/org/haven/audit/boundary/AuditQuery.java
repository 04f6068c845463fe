package org.haven.audit.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import org.haven.audit.entity.AuditAction;

/** The viewer's filters; every one optional. Dates are UTC days, both ends included. */
public record AuditQuery(
    String caseNumber, String username, AuditAction action, LocalDate from, LocalDate to)
    implements Serializable {

  public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

  /** The filters in use, by name and value (none of them protected), for the export's event. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    append(out, "caseNumber", caseNumber);
    append(out, "user", username);
    append(out, "action", action);
    append(out, "from", from);
    append(out, "to", to);
    return out.length() == 0 ? "none" : out.toString();
  }

  private static void append(StringBuilder out, String name, Object value) {
    if (value != null && !value.toString().isBlank()) {
      out.append(out.length() == 0 ? "" : ",").append(name).append('=').append(value);
    }
  }
}
