package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import org.haven.api.OneOf;
import org.haven.api.Paging;
import org.haven.api.Versions;
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.CaseQueries;
import org.haven.cases.boundary.CaseRegistration;
import org.haven.cases.boundary.CaseSearch;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.RiskLevel;
import org.haven.paging.PageRequest;

/**
 * Survivor cases over REST: registering, listing and searching, opening one ({@code
 * /api/v1/cases}).
 */
@Tag(name = "cases")
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CasesResource {

  @Inject CaseQueries caseQueries;
  @Inject CaseRegistration registration;

  @Operation(operationId = "registerCase", summary = "Register a case")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @APIResponse(
      responseCode = "201",
      description = "The case registered, with possibleDuplicates; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CaseDocument.class)))
  public Response register(
      @NotNull(message = "send the case as a JSON object") @Valid CaseIntake intake,
      @Context UriInfo uriInfo) {
    CaseFile registered =
        registration.register(
            intake.toCase(), intake.toIdentity(), intake.narrative(), intake.assignee());
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(registered.getCaseNumber()).build())
        .entity(CaseDocument.registered(registered))
        .build();
  }

  /**
   * A page of cases. {@code sort} is a property name ({@code caseNumber}, {@code status}, {@code
   * riskLevel}, {@code createdAt}, {@code updatedAt}), prefixed with {@code -} for descending;
   * without it the newest cases come first. {@code name}, {@code birthDate}, {@code phone} and
   * {@code documentNumber} search exactly (through blind indexes; case, accents, spacing and the
   * order of names do not matter); several criteria must all match. {@code status}, {@code
   * riskLevel}, {@code assignee} (a user name) and {@code exploitationType} filter on coded fields.
   */
  @Operation(operationId = "listCases", summary = "List and search cases")
  @GET
  public CaseList list(
      @Valid @BeanParam Paging paging,
      @QueryParam("sort")
          @Pattern(
              regexp = "-?(caseNumber|status|riskLevel|createdAt|updatedAt)",
              message =
                  "must be one of caseNumber, status, riskLevel, createdAt, updatedAt,"
                      + " optionally prefixed with - for descending")
          String sort,
      @QueryParam("name") @Size(max = 200, message = "must be at most 200 characters") String name,
      @QueryParam("birthDate") @Pattern(regexp = Dates.DATE, message = Dates.MESSAGE)
          String birthDate,
      @QueryParam("phone") @Size(max = 32, message = "must be at most 32 characters") String phone,
      @QueryParam("documentNumber") @Size(max = 64, message = "must be at most 64 characters")
          String documentNumber,
      @QueryParam("status") @Schema(implementation = CaseStatus.class) @OneOf(CaseStatus.class)
          String status,
      @QueryParam("riskLevel") @Schema(implementation = RiskLevel.class) @OneOf(RiskLevel.class)
          String riskLevel,
      @QueryParam("assignee") @Size(max = 200, message = "must be at most 200 characters")
          String assignee,
      @QueryParam("exploitationType")
          @Schema(implementation = ExploitationType.class)
          @OneOf(ExploitationType.class)
          String exploitationType) {
    return search(
        caseQueries,
        paging.page(),
        paging.size(PageRequest.DEFAULT_SIZE),
        sort,
        new CaseSearch(name, Dates.parse("birthDate", birthDate), phone, documentNumber),
        status,
        riskLevel,
        assignee,
        exploitationType);
  }

  /** A page of cases, however the criteria came (query or body): the one way to list. */
  static CaseList search(
      CaseQueries caseQueries,
      int page,
      int size,
      String sort,
      CaseSearch search,
      String status,
      String riskLevel,
      String assignee,
      String exploitationType) {
    boolean descending = sort != null && sort.startsWith("-");
    String property = sort == null ? null : descending ? sort.substring(1) : sort;
    return CaseList.of(
        caseQueries.list(
            new PageRequest(page, size, property, !descending),
            search.filtered(
                status == null ? null : CaseStatus.valueOf(status),
                riskLevel == null ? null : RiskLevel.valueOf(riskLevel),
                assignee,
                exploitationType == null ? null : ExploitationType.valueOf(exploitationType))));
  }

  /** The case, with its version also as {@code ETag} (for {@code If-Match} on a change). */
  @Operation(operationId = "getCase", summary = "Open a case")
  @GET
  @Path("{caseNumber}")
  @APIResponse(
      responseCode = "200",
      description = "The case; ETag is its version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CaseDocument.class)))
  public Response open(@PathParam("caseNumber") String caseNumber) {
    CaseDocument document =
        caseQueries
            .open(caseNumber)
            .map(CaseDocument::of)
            .orElseThrow(() -> CaseNotFound.of(caseNumber));
    return Response.ok(document).tag(Versions.tag(document.version())).build();
  }
}
