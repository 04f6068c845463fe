package org.haven.problems;

import jakarta.ejb.ApplicationException;

/**
 * A request that cannot be done in the record's present state (a rotation already running, an
 * erasure of an erased case): the message says what the state is and what to do instead.
 */
@ApplicationException(rollback = true)
public class Conflict extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public Conflict(String message) {
    super(message);
  }
}
