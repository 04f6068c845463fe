package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.api.Versions;
import org.haven.cases.boundary.CaseQueries;
import org.haven.cases.boundary.CaseTransitions;
import org.haven.cases.boundary.StatusHistoryEntry;
import org.haven.cases.entity.CaseStatus;

/** A case's lifecycle over REST: moves, what a supervisor sends back, the status history. */
@Tag(name = "cases")
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseLifecycleResource {

  @Inject CaseQueries caseQueries;
  @Inject CaseTransitions transitions;

  /**
   * Moves the case along its lifecycle. An illegal move is a 409 naming the allowed ones ({@code
   * allowed}); a stale {@code version} a 409 conflict. A caseworker's move to SERVICE_PROVISION
   * submits the case plan: the answer shows {@code pendingApproval}.
   */
  @Operation(operationId = "moveCase", summary = "Move a case along its lifecycle")
  @POST
  @Path("{caseNumber}/transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDocument transition(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the transition as a JSON object") @Valid Transition transition,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return transitions
        .transition(
            caseNumber,
            CaseStatus.valueOf(transition.to()),
            transition.reason(),
            Versions.expected(transition.version(), ifMatch))
        .map(CaseDocument::of)
        .orElseThrow(() -> CaseNotFound.of(caseNumber));
  }

  /** A supervisor sends a submitted case plan or a closure request back, with a reason. */
  @Operation(
      operationId = "returnForRework",
      summary = "Send a submitted plan or closure back, with a reason")
  @POST
  @Path("{caseNumber}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public CaseDocument returnForRework(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the reason as a JSON object") @Valid ReturnDecision decision) {
    return transitions
        .returnForRework(caseNumber, decision.reason())
        .map(CaseDocument::of)
        .orElseThrow(() -> CaseNotFound.of(caseNumber));
  }

  /** Who moved the case where and when, oldest first. */
  @Operation(operationId = "getStatusHistory", summary = "The status history of a case")
  @GET
  @Path("{caseNumber}/history")
  public List<StatusHistoryEntry> history(@PathParam("caseNumber") String caseNumber) {
    return caseQueries.statusHistory(caseNumber).orElseThrow(() -> CaseNotFound.of(caseNumber));
  }
}
