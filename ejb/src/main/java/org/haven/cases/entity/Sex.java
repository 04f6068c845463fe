package org.haven.cases.entity;

/** Sex or gender as the survivor describes it; coded, not protected (it feeds statistics). */
public enum Sex {
  FEMALE,
  MALE,
  OTHER,
  UNDISCLOSED
}
