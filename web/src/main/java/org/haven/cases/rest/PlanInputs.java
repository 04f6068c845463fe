package org.haven.cases.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.haven.api.Dates;
import org.haven.api.OneOf;
import org.haven.cases.entity.GoalStatus;

/** The bodies of {@code /api/v1/cases/{caseNumber}/plan/…}: the assessment, goals and actions. */
public final class PlanInputs {

  private PlanInputs() {}

  /**
   * {@code PUT …/plan/assessment}: the written assessment (protected; empty clears it) and
   * optionally the case {@code version} the client read.
   */
  @Schema(name = "AssessmentInput")
  public record Assessment(
      @Size(max = 20_000, message = "must be at most 20000 characters") String text,
      Long version) {}

  /**
   * {@code POST …/plan/goals} (text required) and {@code PUT …/plan/goals/{id}} (text or status,
   * optionally the goal's {@code version}).
   */
  @Schema(name = "PlanGoalInput")
  public record Goal(
      @Size(max = 2000, message = "must be at most 2000 characters") String text,
      @Schema(implementation = GoalStatus.class) @OneOf(GoalStatus.class) String status,
      Long version) {}

  /**
   * {@code POST …/plan/goals/{id}/actions} (text required) and {@code PUT …/plan/actions/{id}}:
   * what, who is responsible (a user name of the case's team), due when; {@code done: true} marks
   * it done.
   */
  @Schema(name = "PlanActionInput")
  public record Action(
      @Size(max = 2000, message = "must be at most 2000 characters") String text,
      @Size(max = 255, message = "must be a user name") String responsible,
      @Pattern(regexp = Dates.DATE, message = Dates.MESSAGE) String dueOn,
      Boolean done,
      Long version) {}
}
