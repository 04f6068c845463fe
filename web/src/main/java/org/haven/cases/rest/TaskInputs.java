package org.haven.cases.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.haven.api.Dates;
import org.haven.api.OneOf;
import org.haven.cases.entity.TaskStatus;

/** The bodies of {@code /api/v1/cases/{caseNumber}/tasks}. */
public final class TaskInputs {

  private TaskInputs() {}

  /**
   * {@code POST …/tasks}: what is to be done (protected), by when, and who should (a user name of
   * the case's team; left out: whoever holds the case).
   */
  public record NewTask(
      @Size(max = 500, message = "must be at most 500 characters") String title,
      @Pattern(regexp = Dates.DATE, message = Dates.MESSAGE) String dueOn,
      @Size(max = 255, message = "must be a user name") String assignee) {}

  /**
   * {@code PUT …/tasks/{id}}: {@code status} DONE or CANCELLED closes it; {@code dueOn} and {@code
   * assignee} move it; {@code version} is the task's as the client read it.
   */
  public record TaskChange(
      @Schema(implementation = TaskStatus.class) @OneOf(TaskStatus.class) String status,
      @Pattern(regexp = Dates.DATE, message = Dates.MESSAGE) String dueOn,
      @Size(max = 255, message = "must be a user name") String assignee,
      Long version) {}
}
