package org.haven.cases.entity;

/** Sectors of forced labour (CTDC). */
public enum LabourType {
  AGRICULTURE,
  AQUAFARMING,
  BEGGING,
  CONSTRUCTION,
  DOMESTIC_WORK,
  HOSPITALITY,
  ILLICIT_ACTIVITIES,
  MANUFACTURING,
  MINING_OR_DRILLING,
  PEDDLING,
  TRANSPORTATION,
  OTHER
}
