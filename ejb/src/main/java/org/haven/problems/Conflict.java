package org.haven.problems;

import jakarta.ejb.ApplicationException;

/**
 * A request that cannot be done in the record's present state (a rotation already running, an
 * erasure of an erased case): the message says what the state is and what to do instead.
 */
@ApplicationException(rollback = true)
public class Conflict extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final java.util.List<String> allowed;

  public Conflict(String message) {
    this(message, null);
  }

  /** A conflict that names what would be allowed instead (an illegal lifecycle move). */
  public Conflict(String message, java.util.List<String> allowed) {
    super(message);
    this.allowed = allowed == null ? null : java.util.List.copyOf(allowed);
  }

  public java.util.List<String> allowed() {
    return allowed;
  }
}
