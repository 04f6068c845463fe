package org.haven.problems;

import jakarta.ejb.ApplicationException;

/**
 * A part of a case (a consent, a task, a plan goal) that the case in scope does not have: answered
 * like any absent resource, so that ids of other cases' parts tell nothing.
 */
@ApplicationException(rollback = true)
public class NotFound extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotFound(String what) {
    super("no such " + what);
  }
}
