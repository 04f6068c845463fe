package org.haven.problems;

import jakarta.ejb.ApplicationException;

/**
 * A request whose content Haven does not take: too large ({@code 413}) or of a type it does not
 * accept ({@code 415}); the message says what is accepted. Nothing of the content is kept.
 */
@ApplicationException(rollback = true)
public class Refused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  private Refused(int status, String message) {
    super(message);
    this.status = status;
  }

  public static Refused tooLarge(String message) {
    return new Refused(413, message);
  }

  public static Refused unsupportedType(String message) {
    return new Refused(415, message);
  }

  /** 413 or 415. */
  public int status() {
    return status;
  }
}
