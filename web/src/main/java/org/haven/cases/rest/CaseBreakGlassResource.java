package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.cases.boundary.BreakGlass;
import org.haven.cases.entity.BreakGlassPurpose;

/** Break-glass over REST: opening a case outside one's scope in an emergency. */
@Tag(name = "cases")
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseBreakGlassResource {

  @Inject BreakGlass emergency;

  /**
   * Break-glass: opens a case outside the caller's scope in an emergency, read-only, for an hour;
   * recorded in the audit trail and shown to the case team's supervisors.
   */
  @Operation(
      operationId = "breakGlass",
      summary = "Open a case outside one's scope in an emergency")
  @POST
  @Path("{caseNumber}/break-glass")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDocument breakGlass(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the purpose and explanation as a JSON object") @Valid
          BreakGlassRequest request) {
    return emergency
        .breakGlass(caseNumber, BreakGlassPurpose.valueOf(request.purpose()), request.explanation())
        .map(CaseDocument::of)
        .orElseThrow(() -> CaseNotFound.of(caseNumber));
  }
}
