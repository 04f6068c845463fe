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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.api.Dates;
import org.haven.api.Versions;
import org.haven.cases.boundary.CasePlan;
import org.haven.cases.boundary.CasePlans;
import org.haven.cases.entity.GoalStatus;

/** A case's assessment and plan over REST: {@code /api/v1/cases/{caseNumber}/plan}. */
@Tag(name = "cases")
@Path("cases/{caseNumber}/plan")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CasePlanResource {

  @Inject CasePlans plans;

  /** The assessment, the goals and their actions ({@code version} is the case's). */
  @Operation(operationId = "getPlan", summary = "The assessment and plan of a case")
  @GET
  @APIResponse(
      responseCode = "200",
      description = "The assessment and plan; ETag is the case version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CasePlan.class)))
  public Response plan(@PathParam("caseNumber") String caseNumber) {
    CasePlan plan = plans.plan(caseNumber).orElseThrow(NotFoundException::new);
    return Response.ok(plan).tag(Versions.tag(plan.getVersion())).build();
  }

  /** Replaces the written assessment; a stale {@code version} (or {@code If-Match}) is a 409. */
  @Operation(operationId = "writeAssessment", summary = "Write the assessment of a case")
  @PUT
  @Path("assessment")
  @Consumes(MediaType.APPLICATION_JSON)
  public CasePlan writeAssessment(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the assessment as a JSON object") @Valid PlanInputs.Assessment input,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return plans
        .writeAssessment(caseNumber, input.text(), Versions.expected(input.version(), ifMatch))
        .orElseThrow(NotFoundException::new);
  }

  /** Adds a goal. */
  @Operation(operationId = "addPlanGoal", summary = "Add a goal to the plan")
  @POST
  @Path("goals")
  @Consumes(MediaType.APPLICATION_JSON)
  @APIResponse(
      responseCode = "201",
      description = "The goal added",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CasePlan.Goal.class)))
  public Response addGoal(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the goal as a JSON object") @Valid PlanInputs.Goal input,
      @Context UriInfo uriInfo) {
    CasePlan.Goal goal =
        plans.addGoal(caseNumber, input.text()).orElseThrow(NotFoundException::new);
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(String.valueOf(goal.getId())).build())
        .entity(goal)
        .build();
  }

  /** Rewords a goal or sets its status (OPEN, ACHIEVED, DROPPED). */
  @Operation(operationId = "changePlanGoal", summary = "Change a goal of the plan")
  @PUT
  @Path("goals/{goalId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public CasePlan.Goal changeGoal(
      @PathParam("caseNumber") String caseNumber,
      @PathParam("goalId") long goalId,
      @NotNull(message = "send the goal as a JSON object") @Valid PlanInputs.Goal input,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return plans
        .changeGoal(
            caseNumber,
            goalId,
            input.text(),
            input.status() == null ? null : GoalStatus.valueOf(input.status()),
            Versions.expected(input.version(), ifMatch))
        .orElseThrow(NotFoundException::new);
  }

  /** Adds an action towards a goal. */
  @Operation(operationId = "addPlanAction", summary = "Add an action to a goal of the plan")
  @POST
  @Path("goals/{goalId}/actions")
  @Consumes(MediaType.APPLICATION_JSON)
  @APIResponse(
      responseCode = "201",
      description = "The action added",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CasePlan.Action.class)))
  public Response addAction(
      @PathParam("caseNumber") String caseNumber,
      @PathParam("goalId") long goalId,
      @NotNull(message = "send the action as a JSON object") @Valid PlanInputs.Action input,
      @Context UriInfo uriInfo) {
    CasePlan.Action action =
        plans
            .addAction(
                caseNumber,
                goalId,
                input.text(),
                input.responsible(),
                Dates.parse("dueOn", input.dueOn()))
            .orElseThrow(NotFoundException::new);
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path("cases/{caseNumber}/plan/actions/{actionId}")
                .build(caseNumber, action.getId()))
        .entity(action)
        .build();
  }

  /** Changes an action (words, responsible, due date) or marks it done. */
  @Operation(operationId = "changePlanAction", summary = "Change an action of the plan")
  @PUT
  @Path("actions/{actionId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public CasePlan.Action changeAction(
      @PathParam("caseNumber") String caseNumber,
      @PathParam("actionId") long actionId,
      @NotNull(message = "send the action as a JSON object") @Valid PlanInputs.Action input,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return plans
        .changeAction(
            caseNumber,
            actionId,
            input.text(),
            input.responsible(),
            Dates.parse("dueOn", input.dueOn()),
            Boolean.TRUE.equals(input.done()),
            Versions.expected(input.version(), ifMatch))
        .orElseThrow(NotFoundException::new);
  }
}
