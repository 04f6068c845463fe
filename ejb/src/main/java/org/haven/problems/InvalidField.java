package org.haven.problems;

import jakarta.ejb.ApplicationException;

/**
 * A request that breaks a rule of Haven's (rather than a constraint of a single field's format):
 * named after the field the user must change. Nothing of the refused call is committed.
 */
@ApplicationException(rollback = true)
public class InvalidField extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidField(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
