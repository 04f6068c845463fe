package org.haven.referrals.entity;

/** How soon the survivor needs the service, most urgent first (the review queue's order). */
public enum Urgency {
  EMERGENCY,
  URGENT,
  ROUTINE
}
