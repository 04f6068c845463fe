package org.haven.cases.boundary;

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
  public String getCaseNumber() {
    return caseNumber;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getUsername() {
    return username;
  }

  public BreakGlassPurpose getPurpose() {
    return purpose;
  }

  public String getExplanation() {
    return explanation;
  }

  public Instant getGrantedAt() {
    return grantedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
