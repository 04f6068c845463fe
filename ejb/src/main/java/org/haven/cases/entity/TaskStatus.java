package org.haven.cases.entity;

/** Where a follow-up task stands; a cancelled task stays listed. */
public enum TaskStatus {
  OPEN,
  DONE,
  CANCELLED
}
