package org.haven.cases.entity;

/** Why someone opened a case outside their scope in an emergency: coded, for the audit trail. */
public enum BreakGlassPurpose {
  MEDICAL_EMERGENCY,
  SAFETY_THREAT,
  LAW_ENFORCEMENT_REQUEST,
  CONTINUITY_OF_CARE,
  OTHER
}
