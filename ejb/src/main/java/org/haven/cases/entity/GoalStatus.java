package org.haven.cases.entity;

/** Where a case plan's goal stands. */
public enum GoalStatus {
  OPEN,
  ACHIEVED,
  DROPPED
}
