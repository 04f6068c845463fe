package org.haven.cases.entity;

/** The kind of identity document a survivor holds or held (its type and number are protected). */
public enum DocumentType {
  PASSPORT,
  NATIONAL_ID,
  BIRTH_CERTIFICATE,
  RESIDENCE_PERMIT,
  REFUGEE_DOCUMENT,
  DRIVING_LICENCE,
  OTHER
}
