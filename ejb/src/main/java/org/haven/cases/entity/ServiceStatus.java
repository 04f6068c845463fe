package org.haven.cases.entity;

/** Where a service planned for a survivor stands. */
public enum ServiceStatus {
  PLANNED,
  DELIVERED,
  CANCELLED
}
