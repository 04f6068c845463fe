package org.haven.cases.entity;

/** How a consent was obtained. */
public enum ConsentMethod {
  WRITTEN,
  VERBAL,
  GUARDIAN
}
