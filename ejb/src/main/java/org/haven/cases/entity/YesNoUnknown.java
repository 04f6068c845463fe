package org.haven.cases.entity;

/** An answer that may honestly be unknown. */
public enum YesNoUnknown {
  YES,
  NO,
  UNKNOWN
}
