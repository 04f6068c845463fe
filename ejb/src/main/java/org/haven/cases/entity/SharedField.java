package org.haven.cases.entity;

/**
 * What a data-sharing consent lets go to its recipient: the survivor agrees field by field, and a
 * referral summary prints these and nothing else of the survivor.
 */
public enum SharedField {
  /** Given names and family name. */
  NAME,
  ALIASES,
  /** The date of birth, or the age band when the date is not known. */
  DATE_OF_BIRTH,
  SEX,
  NATIONALITY,
  LANGUAGES,
  PHONE,
  EMAIL,
  ADDRESS,
  /** The identity document's type and number. */
  IDENTITY_DOCUMENT,
  PLACE_OF_ORIGIN,
  /** The coded exploitation profile (types, forms, means of control, recruitment). */
  EXPLOITATION,
  RISK_LEVEL
}
