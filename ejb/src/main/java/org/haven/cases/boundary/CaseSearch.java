package org.haven.cases.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import org.haven.cases.control.CaseListing;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.RiskLevel;

/**
 * Exact-match search on protected fields, through their blind indexes: every given criterion must
 * match (after the same normalisation as at intake). The values never leave memory in clear.
 */
public record CaseSearch(
    String name,
    LocalDate birthDate,
    String phone,
    String documentNumber,
    CaseStatus status,
    RiskLevel riskLevel,
    String assignee,
    ExploitationType exploitationType)
    implements Serializable {

  public static final CaseSearch NONE = new CaseSearch(null, null, null, null);

  /** A search on protected fields only, without the list's coded filters. */
  public CaseSearch(String name, LocalDate birthDate, String phone, String documentNumber) {
    this(name, birthDate, phone, documentNumber, null, null, null, null);
  }

  /** The same protected criteria with the list's coded filters: status, risk, who, what. */
  public CaseSearch filtered(
      CaseStatus status, RiskLevel riskLevel, String assignee, ExploitationType exploitationType) {
    return new CaseSearch(
        name,
        birthDate,
        phone,
        documentNumber,
        status,
        riskLevel,
        assignee == null || assignee.isBlank() ? null : assignee.strip(),
        exploitationType);
  }

  /** The same, as the case list's query takes it. */
  public CaseListing.Criteria criteria() {
    return new CaseListing.Criteria(
        name,
        birthDate == null ? null : birthDate.toString(),
        phone,
        documentNumber,
        status,
        riskLevel,
        assignee,
        exploitationType);
  }

  /** No protected criterion: a listing (possibly filtered), not a search of survivors. */
  public boolean isEmpty() {
    return blank(name) && birthDate == null && blank(phone) && blank(documentNumber);
  }

  /** The coded filters given, with their values (none of them protected), for the trail. */
  public String filters() {
    java.util.List<String> given = new java.util.ArrayList<>();
    if (status != null) {
      given.add("status=" + status);
    }
    if (riskLevel != null) {
      given.add("riskLevel=" + riskLevel);
    }
    if (assignee != null) {
      given.add("assignee=" + assignee);
    }
    if (exploitationType != null) {
      given.add("exploitationType=" + exploitationType);
    }
    return String.join(",", given);
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
