package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.haven.cases.boundary.CaseFiles;
import org.haven.cases.entity.SurvivorCase;
import org.haven.paging.PageRequest;

/** Survivor cases over REST: {@code /api/v1/cases}. */
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"caseworker", "supervisor"})
public class CasesResource {

  @Inject CaseFiles caseFiles;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(
      @NotNull(message = "send the case as a JSON object") @Valid CaseIntake intake,
      @Context UriInfo uriInfo) {
    SurvivorCase registered = caseFiles.register(intake.toCase(), intake.assignee());
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(registered.getCaseNumber()).build())
        .entity(CaseDocument.of(registered))
        .build();
  }

  /**
   * A page of cases. {@code sort} is a property name ({@code caseNumber}, {@code status}, {@code
   * riskLevel}, {@code createdAt}, {@code updatedAt}), prefixed with {@code -} for descending;
   * without it the newest cases come first.
   */
  @GET
  public CaseList list(
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more")
          int page,
      @QueryParam("size")
          @DefaultValue("20")
          @Min(value = 1, message = "must be between 1 and 100")
          @Max(value = PageRequest.MAX_SIZE, message = "must be between 1 and 100")
          int size,
      @QueryParam("sort")
          @Pattern(
              regexp = "-?(caseNumber|status|riskLevel|createdAt|updatedAt)",
              message =
                  "must be one of caseNumber, status, riskLevel, createdAt, updatedAt,"
                      + " optionally prefixed with - for descending")
          String sort) {
    boolean descending = sort != null && sort.startsWith("-");
    String property = sort == null ? null : descending ? sort.substring(1) : sort;
    return CaseList.of(caseFiles.list(new PageRequest(page, size, property, !descending)));
  }

  /** Gives the case to another caseworker of its team (supervisors). */
  @PUT
  @Path("{caseNumber}/assignee")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("supervisor")
  public CaseDocument reassign(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the new assignee as a JSON object") @Valid CaseReassignment change) {
    return caseFiles
        .reassign(caseNumber, change.caseworker())
        .map(CaseDocument::of)
        .orElseThrow(() -> new NotFoundException("No case " + caseNumber));
  }

  @GET
  @Path("{caseNumber}")
  public CaseDocument open(@PathParam("caseNumber") String caseNumber) {
    return caseFiles
        .find(caseNumber)
        .map(CaseDocument::of)
        .orElseThrow(() -> new NotFoundException("No case " + caseNumber));
  }
}
