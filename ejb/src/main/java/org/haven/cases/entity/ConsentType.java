package org.haven.cases.entity;

/**
 * What a survivor consents to: services, sharing their data with a named recipient for a purpose
 * (referrals), or anonymised statistics.
 */
public enum ConsentType {
  SERVICES,
  DATA_SHARING,
  STATISTICS
}
