package org.haven.services.boundary;

import java.util.List;

/**
 * What a CSV import did: how many providers it created and updated, and each row it rejected with
 * its line and the reason (the other rows are imported all the same).
 */
public record ImportReport(int created, int updated, List<Rejected> rejected) {

  public ImportReport {
    rejected = List.copyOf(rejected);
  }

  /** A row left out: its line in the file and why. */
  public record Rejected(int line, String reason) {}
}
