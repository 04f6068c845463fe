package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.cases.boundary.CaseErasure;
import org.haven.problems.InvalidField;

/** Erasing a survivor's data over REST: the request, its withdrawal, the erasure. */
@Tag(name = "cases")
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseErasureResource {

  @Inject CaseErasure erasure;

  /**
   * Asks for the survivor's data to be erased, with a coded reason; a supervisor of the team
   * approves it with {@code POST …/erasure}.
   */
  @Operation(operationId = "requestErasure", summary = "Ask for the survivor's data to be erased")
  @POST
  @Path("{caseNumber}/erasure-request")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDocument requestErasure(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the reason as a JSON object") @Valid ErasureRequest request) {
    if (request.code() == null) {
      throw new InvalidField("reason", "give the reason for the erasure");
    }
    return erasure
        .requestErasure(caseNumber, request.code())
        .map(CaseDocument::of)
        .orElseThrow(() -> CaseNotFound.of(caseNumber));
  }

  /** Withdraws a pending erasure request. */
  @Operation(operationId = "withdrawErasureRequest", summary = "Withdraw a pending erasure request")
  @DELETE
  @Path("{caseNumber}/erasure-request")
  public CaseDocument withdrawErasureRequest(@PathParam("caseNumber") String caseNumber) {
    return erasure
        .withdrawErasureRequest(caseNumber)
        .map(CaseDocument::of)
        .orElseThrow(() -> CaseNotFound.of(caseNumber));
  }

  /**
   * Erases the survivor's data for good (supervisors of the team): approves the pending request, or
   * erases directly when a reason is given. The answer is the tombstone that remains.
   */
  @Operation(operationId = "eraseSurvivorData", summary = "Erase the survivor's data")
  @POST
  @Path("{caseNumber}/erasure")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public CaseDocument erase(
      @PathParam("caseNumber") String caseNumber, @Valid ErasureRequest request) {
    return erasure
        .erase(caseNumber, request == null ? null : request.code())
        .map(CaseDocument::of)
        .orElseThrow(() -> CaseNotFound.of(caseNumber));
  }
}
