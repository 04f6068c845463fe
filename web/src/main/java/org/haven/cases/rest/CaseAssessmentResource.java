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
import org.haven.cases.boundary.CaseProfile;
import org.haven.cases.boundary.Reassignment;
import org.haven.cases.entity.RiskLevel;

/**
 * A case's coded assessment and its caseworker over REST: exploitation profile, risk level,
 * assignee.
 */
@Tag(name = "cases")
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseAssessmentResource {

  @Inject CaseProfile caseProfile;
  @Inject Reassignment reassignment;

  /**
   * Replaces the exploitation profile (CTDC codes). A stale {@code version} (or {@code If-Match})
   * is a 409 and changes nothing.
   */
  @Operation(
      operationId = "describeExploitation",
      summary = "Replace the exploitation profile of a case")
  @PUT
  @Path("{caseNumber}/exploitation")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDocument describeExploitation(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the profile as a JSON object") @Valid ExploitationDocument profile,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return caseProfile
        .describeExploitation(
            caseNumber, profile.toProfile(), Versions.expected(profile.version(), ifMatch))
        .map(CaseDocument::of)
        .orElseThrow(() -> CaseNotFound.of(caseNumber));
  }

  /**
   * Records a risk assessment: the level, today, the caller (the case shows {@code riskAssessedAt}
   * and {@code riskAssessedBy}). A stale {@code version} (or {@code If-Match}) is a 409.
   */
  @Operation(operationId = "assessRisk", summary = "Record a risk assessment")
  @PUT
  @Path("{caseNumber}/risk")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDocument assessRisk(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the risk level as a JSON object") @Valid RiskAssessment risk,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return caseProfile
        .assessRisk(
            caseNumber,
            RiskLevel.valueOf(risk.riskLevel()),
            Versions.expected(risk.version(), ifMatch))
        .map(CaseDocument::of)
        .orElseThrow(() -> CaseNotFound.of(caseNumber));
  }

  /** Gives the case to another caseworker of its team (supervisors). */
  @Operation(
      operationId = "reassignCase",
      summary = "Give a case to another caseworker of its team")
  @PUT
  @Path("{caseNumber}/assignee")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public CaseDocument reassign(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the new assignee as a JSON object") @Valid CaseReassignment change) {
    return reassignment
        .reassign(caseNumber, change.caseworker())
        .map(CaseDocument::of)
        .orElseThrow(() -> CaseNotFound.of(caseNumber));
  }
}
