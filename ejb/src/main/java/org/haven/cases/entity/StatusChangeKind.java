package org.haven.cases.entity;

/** What a status history entry records. */
public enum StatusChangeKind {
  /** The case moved. */
  MOVED,
  /** The case plan went to a supervisor for approval. */
  SUBMITTED,
  /** A supervisor approved (the plan, or the closure) and the case moved. */
  APPROVED,
  /** A supervisor sent a plan or closure request back, with a reason. */
  RETURNED,
  /** The survivor's identity was corrected (the status stays; the fields changed are named). */
  CORRECTED
}
