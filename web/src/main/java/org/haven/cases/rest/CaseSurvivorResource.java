package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.api.Versions;
import org.haven.cases.boundary.IdentityCorrection;
import org.haven.cases.rest.CaseIntake.SurvivorDetails;

/** Correcting the survivor's details of a registered case over REST. */
@Tag(name = "cases")
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseSurvivorResource {

  @Inject IdentityCorrection correction;

  /**
   * Replaces the survivor's details with the body (the {@code survivor} object of {@code POST
   * /cases}, as a whole: a field left out is cleared) for the case's caseworker and the team's
   * supervisors. Search finds the case by the new values; the answer is the case, with {@code
   * possibleDuplicates} of the corrected identity. A stale {@code version} (or {@code If-Match}) is
   * a 409 and changes nothing.
   */
  @Operation(operationId = "correctSurvivor", summary = "Correct the survivor's details of a case")
  @PUT
  @Path("{caseNumber}/survivor")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDocument correct(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the survivor's details as a JSON object") @Valid
          SurvivorDetails survivor,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return correction
        .correct(
            caseNumber,
            survivor.toSurvivor(),
            survivor.toIdentity(""),
            Versions.expected(survivor.version(), ifMatch))
        .map(CaseDocument::registered)
        .orElseThrow(() -> CaseNotFound.of(caseNumber));
  }
}
