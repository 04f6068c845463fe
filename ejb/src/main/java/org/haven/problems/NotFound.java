package org.haven.problems;

import jakarta.ejb.ApplicationException;

/**
 * A part of a case (a consent, a task, a plan goal) that the case in scope does not have: answered
 * like any absent resource, so that ids of other cases' parts tell nothing.
 */
@ApplicationException(rollback = true)
public class NotFound extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String sought;

  public NotFound(String what) {
    this(what, null);
  }

  /** A part looked for by id: the id goes to the audit trail, never into the answer. */
  public NotFound(String what, Object id) {
    super("no such " + what);
    this.sought = id == null ? what : what + " " + id;
  }

  /** What was looked for, as the audit trail records a probe: a kind and an id, nothing typed. */
  public String sought() {
    return sought;
  }
}
