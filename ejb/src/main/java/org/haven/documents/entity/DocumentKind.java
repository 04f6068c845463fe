package org.haven.documents.entity;

/** What a document in the case file is. */
public enum DocumentKind {
  ID_DOCUMENT,
  PHOTO,
  CONSENT_FORM,
  MEDICAL,
  LEGAL,
  STATEMENT,
  OTHER
}
