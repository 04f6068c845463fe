package org.haven.cases.entity;

/** Where a survivor case stands in the case-management workflow (see docs/domain/lifecycle.md). */
public enum CaseStatus {
  OPEN,
  ASSESSMENT,
  CASE_PLAN,
  SERVICE_PROVISION,
  CLOSURE_REQUESTED,
  CLOSED,
  REOPENED
}
