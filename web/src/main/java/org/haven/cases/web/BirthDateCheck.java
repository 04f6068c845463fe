package org.haven.cases.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * A birth date that makes a survivor younger than {@value #YOUNGEST} or older than {@value #OLDEST}
 * is more often a slip (this year typed for the year of birth) than a fact: the form asks once, and
 * takes the date when the user confirms it. Children are survivors too, so it never refuses.
 */
public class BirthDateCheck implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int YOUNGEST = 3;
  static final int OLDEST = 100;

  private boolean confirmed;

  public boolean isConfirmed() {
    return confirmed;
  }

  public void setConfirmed(boolean confirmed) {
    this.confirmed = confirmed;
  }

  public LocalDate getToday() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  /** Whether the form asks about this date (it is implausible). */
  public boolean asking(LocalDate birthDate) {
    return birthDate != null
        && birthDate.isBefore(getToday())
        && (age(birthDate) < YOUNGEST || age(birthDate) > OLDEST);
  }

  public int age(LocalDate birthDate) {
    return Period.between(birthDate, getToday()).getYears();
  }

  /**
   * Whether the form may go on with this date: a plausible one, or one the user confirmed. If not,
   * the form shows the question beside the field (it is rendered while {@link #asking}).
   */
  public boolean passes(LocalDate birthDate) {
    return !asking(birthDate) || confirmed;
  }
}
