package org.haven.cases.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.haven.api.OneOf;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorCase;

/**
 * The body of {@code POST /api/v1/cases}: what a caseworker records at intake. {@code assignee} (a
 * user name) lets a supervisor give the new case to a caseworker of the team.
 */
public record CaseIntake(
    @NotNull(message = "choose a risk level: HIGH, MEDIUM or LOW") @OneOf(RiskLevel.class)
        String riskLevel,
    @Valid SurvivorDetails survivor,
    @Size(max = 255, message = "must be a user name") String assignee) {

  /** The survivor's coded details. */
  public record SurvivorDetails(
      @OneOf(Sex.class) String sex,
      @Pattern(
              regexp = "[A-Z]{2}",
              message = "must be an ISO 3166 country code of two capital letters")
          String nationality) {}

  /** Only called on a validated intake, so every code is known. */
  SurvivorCase toCase() {
    Survivor details =
        survivor == null
            ? new Survivor()
            : new Survivor(
                survivor.sex() == null ? null : Sex.valueOf(survivor.sex()),
                survivor.nationality());
    return new SurvivorCase(RiskLevel.valueOf(riskLevel), details);
  }
}
