package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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
import org.haven.cases.boundary.CaseNoteDetails;
import org.haven.cases.boundary.CaseNotes;

/** A case's notes over REST: {@code /api/v1/cases/{caseNumber}/notes}. */
@Tag(name = "cases")
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseNotesResource {

  @Inject CaseNotes caseNotes;

  /** Adds a note (append-only; {@code corrects} names the note a correction corrects). */
  @Operation(operationId = "addNote", summary = "Add a note to a case")
  @POST
  @Path("{caseNumber}/notes")
  @Consumes(MediaType.APPLICATION_JSON)
  @APIResponse(
      responseCode = "201",
      description = "The note added; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CaseNoteDetails.class)))
  public Response addNote(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the note as a JSON object") @Valid NoteInput note,
      @Context UriInfo uriInfo) {
    CaseNoteDetails added =
        caseNotes
            .addNote(caseNumber, note.text(), note.corrects())
            .orElseThrow(() -> CaseNotFound.of(caseNumber));
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(String.valueOf(added.id())).build())
        .entity(added)
        .build();
  }

  /** The notes of the case, oldest first. */
  @Operation(operationId = "listNotes", summary = "List the notes of a case")
  @GET
  @Path("{caseNumber}/notes")
  public List<CaseNoteDetails> notes(@PathParam("caseNumber") String caseNumber) {
    return caseNotes.notes(caseNumber).orElseThrow(() -> CaseNotFound.of(caseNumber));
  }
}
