package org.haven.problems;

import jakarta.persistence.OptimisticLockException;

/**
 * The two checks every boundary makes on what a caller sends: a required text within its length,
 * and the version the caller read (anything else is a conflicting edit, answered 409).
 */
public final class Checks {

  private Checks() {}

  public static String requireText(String field, String value, int max, String ask) {
    if (value == null || value.isBlank()) {
      throw new InvalidField(field, ask);
    }
    if (value.length() > max) {
      throw new InvalidField(field, "must be at most " + max + " characters");
    }
    return value;
  }

  /** A caller who read version N changes only version N: anything else is a conflicting edit. */
  public static void checkVersion(String what, long current, Long expectedVersion) {
    if (expectedVersion != null && expectedVersion != current) {
      throw new OptimisticLockException(what + " changed since version " + expectedVersion);
    }
  }
}
