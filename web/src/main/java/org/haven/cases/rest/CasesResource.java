package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.haven.api.Dates;
import org.haven.api.OneOf;
import org.haven.api.Versions;
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.CaseFiles;
import org.haven.cases.boundary.CaseNoteView;
import org.haven.cases.boundary.CaseSearch;
import org.haven.cases.boundary.StatusHistoryEntry;
import org.haven.cases.entity.BreakGlassPurpose;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.RiskLevel;
import org.haven.paging.PageRequest;
import org.haven.problems.InvalidField;

/** Survivor cases over REST: {@code /api/v1/cases}. */
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"caseworker", "supervisor"})
public class CasesResource {

  @Inject CaseFiles caseFiles;

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
        caseFiles.register(
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
          String sort,
      @QueryParam("name") @Size(max = 200, message = "must be at most 200 characters") String name,
      @QueryParam("birthDate") @Pattern(regexp = Dates.DATE, message = Dates.MESSAGE)
          String birthDate,
      @QueryParam("phone") @Size(max = 32, message = "must be at most 32 characters") String phone,
      @QueryParam("documentNumber") @Size(max = 64, message = "must be at most 64 characters")
          String documentNumber,
      @QueryParam("status") @OneOf(CaseStatus.class) String status,
      @QueryParam("riskLevel") @OneOf(RiskLevel.class) String riskLevel,
      @QueryParam("assignee") @Size(max = 200, message = "must be at most 200 characters")
          String assignee,
      @QueryParam("exploitationType") @OneOf(ExploitationType.class) String exploitationType) {
    boolean descending = sort != null && sort.startsWith("-");
    String property = sort == null ? null : descending ? sort.substring(1) : sort;
    LocalDate born = Dates.parse("birthDate", birthDate);
    return CaseList.of(
        caseFiles.list(
            new PageRequest(page, size, property, !descending),
            new CaseSearch(name, born, phone, documentNumber)
                .filtered(
                    status == null ? null : CaseStatus.valueOf(status),
                    riskLevel == null ? null : RiskLevel.valueOf(riskLevel),
                    assignee,
                    exploitationType == null ? null : ExploitationType.valueOf(exploitationType))));
  }

  /**
   * Asks for the survivor's data to be erased, with a coded reason; a supervisor of the team
   * approves it with {@code POST …/erasure}.
   */
  @POST
  @Path("{caseNumber}/erasure-request")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDocument requestErasure(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the reason as a JSON object") @Valid ErasureRequest request) {
    if (request.code() == null) {
      throw new InvalidField("reason", "give the reason for the erasure");
    }
    return caseFiles
        .requestErasure(caseNumber, request.code())
        .map(CaseDocument::of)
        .orElseThrow(() -> notFound(caseNumber));
  }

  /** Withdraws a pending erasure request. */
  @DELETE
  @Path("{caseNumber}/erasure-request")
  public CaseDocument withdrawErasureRequest(@PathParam("caseNumber") String caseNumber) {
    return caseFiles
        .withdrawErasureRequest(caseNumber)
        .map(CaseDocument::of)
        .orElseThrow(() -> notFound(caseNumber));
  }

  /**
   * Erases the survivor's data for good (supervisors of the team): approves the pending request, or
   * erases directly when a reason is given. The answer is the tombstone that remains.
   */
  @POST
  @Path("{caseNumber}/erasure")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("supervisor")
  public CaseDocument erase(
      @PathParam("caseNumber") String caseNumber, @Valid ErasureRequest request) {
    return caseFiles
        .erase(caseNumber, request == null ? null : request.code())
        .map(CaseDocument::of)
        .orElseThrow(() -> notFound(caseNumber));
  }

  /**
   * Break-glass: opens a case outside the caller's scope in an emergency, read-only, for an hour;
   * recorded in the audit trail and shown to the case team's supervisors.
   */
  @POST
  @Path("{caseNumber}/break-glass")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDocument breakGlass(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the purpose and explanation as a JSON object") @Valid
          BreakGlassRequest request) {
    return caseFiles
        .breakGlass(caseNumber, BreakGlassPurpose.valueOf(request.purpose()), request.explanation())
        .map(CaseDocument::of)
        .orElseThrow(() -> notFound(caseNumber));
  }

  /**
   * Moves the case along its lifecycle. An illegal move is a 409 naming the allowed ones ({@code
   * allowed}); a stale {@code version} a 409 conflict. A caseworker's move to SERVICE_PROVISION
   * submits the case plan: the answer shows {@code pendingApproval}.
   */
  @POST
  @Path("{caseNumber}/transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDocument transition(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the transition as a JSON object") @Valid Transition transition,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return caseFiles
        .transition(
            caseNumber,
            CaseStatus.valueOf(transition.to()),
            transition.reason(),
            Versions.expected(transition.version(), ifMatch))
        .map(CaseDocument::of)
        .orElseThrow(() -> notFound(caseNumber));
  }

  /** A supervisor sends a submitted case plan or a closure request back, with a reason. */
  @POST
  @Path("{caseNumber}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("supervisor")
  public CaseDocument returnForRework(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the reason as a JSON object") @Valid ReturnDecision decision) {
    return caseFiles
        .returnForRework(caseNumber, decision.reason())
        .map(CaseDocument::of)
        .orElseThrow(() -> notFound(caseNumber));
  }

  /** Who moved the case where and when, oldest first. */
  @GET
  @Path("{caseNumber}/history")
  public List<StatusHistoryEntry> history(@PathParam("caseNumber") String caseNumber) {
    return caseFiles.statusHistory(caseNumber).orElseThrow(() -> notFound(caseNumber));
  }

  /** Adds a note (append-only; {@code corrects} names the note a correction corrects). */
  @POST
  @Path("{caseNumber}/notes")
  @Consumes(MediaType.APPLICATION_JSON)
  @APIResponse(
      responseCode = "201",
      description = "The note added; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CaseNoteView.class)))
  public Response addNote(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the note as a JSON object") @Valid NoteInput note,
      @Context UriInfo uriInfo) {
    CaseNoteView added =
        caseFiles
            .addNote(caseNumber, note.text(), note.corrects())
            .orElseThrow(() -> notFound(caseNumber));
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(String.valueOf(added.id())).build())
        .entity(added)
        .build();
  }

  /** The notes of the case, oldest first. */
  @GET
  @Path("{caseNumber}/notes")
  public List<CaseNoteView> notes(@PathParam("caseNumber") String caseNumber) {
    return caseFiles.notes(caseNumber).orElseThrow(() -> notFound(caseNumber));
  }

  private static NotFoundException notFound(String caseNumber) {
    return new NotFoundException("No case " + caseNumber);
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
        .orElseThrow(() -> notFound(caseNumber));
  }

  /** The case, with its version also as {@code ETag} (for {@code If-Match} on a change). */
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
        caseFiles.find(caseNumber).map(CaseDocument::of).orElseThrow(() -> notFound(caseNumber));
    return Response.ok(document).tag(Versions.tag(document.version())).build();
  }

  /**
   * Replaces the exploitation profile (CTDC codes). A stale {@code version} (or {@code If-Match})
   * is a 409 and changes nothing.
   */
  @PUT
  @Path("{caseNumber}/exploitation")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDocument describeExploitation(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the profile as a JSON object") @Valid ExploitationDocument profile,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return caseFiles
        .describeExploitation(
            caseNumber, profile.toProfile(), Versions.expected(profile.version(), ifMatch))
        .map(CaseDocument::of)
        .orElseThrow(() -> notFound(caseNumber));
  }

  /**
   * Records a risk assessment: the level, today, the caller (the case shows {@code riskAssessedAt}
   * and {@code riskAssessedBy}). A stale {@code version} (or {@code If-Match}) is a 409.
   */
  @PUT
  @Path("{caseNumber}/risk")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDocument assessRisk(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the risk level as a JSON object") @Valid RiskAssessment risk,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return caseFiles
        .assessRisk(
            caseNumber,
            RiskLevel.valueOf(risk.riskLevel()),
            Versions.expected(risk.version(), ifMatch))
        .map(CaseDocument::of)
        .orElseThrow(() -> notFound(caseNumber));
  }
}
