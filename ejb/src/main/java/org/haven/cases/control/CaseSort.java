package org.haven.cases.control;

import java.util.Arrays;
import java.util.Optional;

/** The columns a case list may be sorted by, under the names clients use for them. */
public enum CaseSort {
  CASE_NUMBER("caseNumber"),
  STATUS("status"),
  RISK_LEVEL("riskLevel"),
  CREATED_AT("createdAt"),
  UPDATED_AT("updatedAt");

  private final String property;

  CaseSort(String property) {
    this.property = property;
  }

  public String property() {
    return property;
  }

  public static Optional<CaseSort> byProperty(String property) {
    return Arrays.stream(values()).filter(s -> s.property.equals(property)).findFirst();
  }
}
