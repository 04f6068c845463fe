package org.haven.cases.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.SurvivorCase;

/** A case as the API returns it. {@code version} is the optimistic-locking version. */
@JsonbPropertyOrder({
  "caseNumber",
  "status",
  "riskLevel",
  "owningTeam",
  "assignee",
  "survivor",
  "createdAt",
  "updatedAt",
  "version"
})
public record CaseDocument(
    String caseNumber,
    CaseStatus status,
    RiskLevel riskLevel,
    String owningTeam,
    StaffDocument assignee,
    SurvivorDocument survivor,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public record SurvivorDocument(Sex sex, String nationality) {}

  /** A member of staff: the user name to send back, the name to show. */
  public record StaffDocument(String username, String displayName) {}

  static CaseDocument of(SurvivorCase c) {
    return new CaseDocument(
        c.getCaseNumber(),
        c.getStatus(),
        c.getRiskLevel(),
        c.getOwningTeam(),
        c.currentCaseworker()
            .map(s -> new StaffDocument(s.getUsername(), s.getDisplayName()))
            .orElse(null),
        new SurvivorDocument(c.getSurvivor().getSex(), c.getSurvivor().getNationality()),
        c.getCreatedAt(),
        c.getUpdatedAt(),
        c.getVersion());
  }
}
