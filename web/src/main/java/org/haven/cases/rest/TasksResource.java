package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.api.Dates;
import org.haven.api.Versions;
import org.haven.cases.boundary.CaseTasks;
import org.haven.cases.boundary.TaskDetails;
import org.haven.cases.entity.TaskStatus;
import org.haven.problems.InvalidField;

/**
 * A case's follow-up tasks over REST: {@code /api/v1/cases/{caseNumber}/tasks}. The caller's open
 * tasks across cases are at {@code /api/v1/tasks} ({@link DashboardResource}).
 */
@Tag(name = "cases")
@Path("cases/{caseNumber}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class TasksResource {

  @Inject CaseTasks tasks;

  /** The tasks of a case: open ones first, by due date; done and cancelled ones stay listed. */
  @Operation(operationId = "listCaseTasks", summary = "List the follow-up tasks of a case")
  @GET
  public List<TaskDetails> ofCase(@PathParam("caseNumber") String caseNumber) {
    return tasks.tasks(caseNumber).orElseThrow(NotFoundException::new);
  }

  /** Adds a follow-up by hand. */
  @Operation(operationId = "addTask", summary = "Add a follow-up task to a case")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @APIResponse(
      responseCode = "201",
      description = "The task added; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TaskDetails.class)))
  public Response add(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the task as a JSON object") @Valid TaskInputs.NewTask input,
      @Context UriInfo uriInfo) {
    if (input.dueOn() == null) {
      throw new InvalidField("dueOn", "give the due date");
    }
    TaskDetails added =
        tasks
            .add(caseNumber, input.title(), Dates.parse("dueOn", input.dueOn()), input.assignee())
            .orElseThrow(NotFoundException::new);
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(String.valueOf(added.getId())).build())
        .entity(added)
        .build();
  }

  /** Closes a task (DONE or CANCELLED) or moves it; a stale {@code version} is a 409. */
  @Operation(operationId = "changeTask", summary = "Change a follow-up task")
  @PUT
  @Path("{taskId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public TaskDetails change(
      @PathParam("caseNumber") String caseNumber,
      @PathParam("taskId") long taskId,
      @NotNull(message = "send the change as a JSON object") @Valid TaskInputs.TaskChange input,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    if (TaskStatus.OPEN.name().equals(input.status())) {
      throw new InvalidField("status", "a task is closed as DONE or CANCELLED");
    }
    return tasks
        .change(
            caseNumber,
            taskId,
            input.status() == null ? null : TaskStatus.valueOf(input.status()),
            Dates.parse("dueOn", input.dueOn()),
            input.assignee(),
            Versions.expected(input.version(), ifMatch))
        .orElseThrow(NotFoundException::new);
  }
}
