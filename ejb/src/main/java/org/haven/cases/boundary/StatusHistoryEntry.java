package org.haven.cases.boundary;

import jakarta.json.bind.annotation.JsonbTransient;
import java.time.Instant;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.StatusChangeKind;

/** One step of a case's status history, as users in scope read it. */
public record StatusHistoryEntry(
    CaseStatus from,
    CaseStatus to,
    StatusChangeKind kind,
    String byUsername,
    Instant at,
    String reason) {

  // Getters for pages: Expression Language 5 does not read record components.
  @JsonbTransient
  public CaseStatus getFrom() {
    return from;
  }

  @JsonbTransient
  public CaseStatus getTo() {
    return to;
  }

  @JsonbTransient
  public StatusChangeKind getKind() {
    return kind;
  }

  @JsonbTransient
  public String getByUsername() {
    return byUsername;
  }

  @JsonbTransient
  public Instant getAt() {
    return at;
  }

  @JsonbTransient
  public String getReason() {
    return reason;
  }
}
