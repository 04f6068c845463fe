package org.haven.problems;

import jakarta.ejb.ApplicationException;

/**
 * More of something than Haven allows a person in a period (break-glass openings a day, duplicate
 * checks a minute): a 429, whose message says what the limit is and when it frees up.
 */
@ApplicationException(rollback = true)
public class TooMany extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TooMany(String message) {
    super(message);
  }
}
