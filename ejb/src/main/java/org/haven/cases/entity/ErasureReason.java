package org.haven.cases.entity;

/**
 * Why a survivor's data was erased: coded, so the reason outlives the erasure in the tombstone
 * without saying anything about the person.
 */
public enum ErasureReason {
  SURVIVOR_REQUEST,
  CONSENT_WITHDRAWN,
  RETENTION_PERIOD_ENDED,
  RECORDED_IN_ERROR,
  LEGAL_ORDER
}
