package org.haven.reports.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an export of the CTDC dataset releases and what it withholds, counts only: the survivors
 * eligible (consent to statistics in force), the rows released and suppressed, how many rows each
 * generalisation changed, and the smallest group of released quasi-identifiers (never under {@code
 * k}).
 */
@JsonbPropertyOrder({
  "computedAt",
  "k",
  "quasiIdentifiers",
  "eligible",
  "released",
  "suppressed",
  "generalisations",
  "smallestGroup",
  "groups"
})
public record DisclosureReport(
    Instant computedAt,
    int k,
    List<String> quasiIdentifiers,
    long eligible,
    long released,
    long suppressed,
    Map<String, Long> generalisations,
    long smallestGroup,
    int groups) {

  /** Named for the audit trail: counts, never a value. */
  public String describe() {
    return "k "
        + k
        + "; eligible "
        + eligible
        + ", released "
        + released
        + ", suppressed "
        + suppressed
        + "; generalised "
        + generalisations
        + "; smallest group "
        + smallestGroup;
  }
}
