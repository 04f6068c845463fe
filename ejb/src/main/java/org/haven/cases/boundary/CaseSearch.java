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

  /** Which criteria were given (names only), for the audit trail. */
  public String criteriaNames() {
    java.util.List<String> names = new java.util.ArrayList<>();
    if (!blank(name)) {
      names.add("name");
    }
    if (birthDate != null) {
      names.add("birthDate");
    }
    if (!blank(phone)) {
      names.add("phone");
    }
    if (!blank(documentNumber)) {
      names.add("documentNumber");
    }
    return String.join(",", names);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    return "CaseSearch[protected]";
  }
}
