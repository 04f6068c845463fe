package org.haven.cases.entity;

/** The survivor's assessed risk, highest first: the declaration order is the triage order. */
public enum RiskLevel {
  HIGH,
  MEDIUM,
  LOW
}
