package org.haven.cases.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Exact-match search on protected fields, through their blind indexes: every given criterion must
 * match (after the same normalisation as at intake). The values never leave memory in clear.
 */
public record CaseSearch(String name, LocalDate birthDate, String phone, String documentNumber)
    implements Serializable {

  public static final CaseSearch NONE = new CaseSearch(null, null, null, null);

  public boolean isEmpty() {
    return blank(name) && birthDate == null && blank(phone) && blank(documentNumber);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    return "CaseSearch[protected]";
  }
}
