package org.haven.cases.entity;

/** Who the recruiter was to the person (CTDC). */
public enum RecruiterRelationship {
  INTIMATE_PARTNER,
  FRIEND,
  FAMILY,
  OTHER,
  UNKNOWN
}
