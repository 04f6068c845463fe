package org.haven.cases.boundary;

import jakarta.json.bind.annotation.JsonbTransient;
import java.time.Instant;
import org.haven.cases.entity.BreakGlassPurpose;

/** A break-glass opening of a team's case, as its supervisors review it. */
public record EmergencyAccess(
    String caseNumber,
    String username,
    String displayName,
    BreakGlassPurpose purpose,
    String explanation,
    Instant grantedAt,
    Instant expiresAt) {

  // Getters for pages: Expression Language 5 does not read record components.
  @JsonbTransient
  public String getCaseNumber() {
    return caseNumber;
  }

  @JsonbTransient
  public String getDisplayName() {
    return displayName;
  }

  @JsonbTransient
  public String getUsername() {
    return username;
  }

  @JsonbTransient
  public BreakGlassPurpose getPurpose() {
    return purpose;
  }

  @JsonbTransient
  public String getExplanation() {
    return explanation;
  }

  @JsonbTransient
  public Instant getGrantedAt() {
    return grantedAt;
  }

  @JsonbTransient
  public Instant getExpiresAt() {
    return expiresAt;
  }
}
