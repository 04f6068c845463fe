package org.haven.documents.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.documents.boundary.CaseDocuments;
import org.haven.documents.boundary.DocumentDetails;
import org.haven.documents.entity.DocumentKind;
import org.haven.problems.InvalidField;

/**
 * A case's documents over REST: {@code /api/v1/cases/{caseNumber}/documents}. Uploads are read part
 * by part as they arrive (Commons FileUpload's streaming API): no part is kept in memory or in a
 * temporary file, so the content is encrypted before anything of it is stored.
 */
@Tag(name = "documents")
@Path("cases/{caseNumber}/documents")
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class DocumentsResource {

  /** The form fields before the file, at most this long each. */
  static final int MAX_FIELD = 2_000;

  @Inject CaseDocuments documents;

  /** The reason for a deletion. */
  public record Deletion(
      @NotNull(message = "say why the document is deleted")
          @jakarta.validation.constraints.Size(
              max = 500,
              message = "must be at most 500 characters")
          String reason) {}

  @Operation(
      operationId = "uploadDocument",
      summary = "Add a document or photo to the case file (multipart: kind, title, then file)")
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @APIResponse(
      responseCode = "201",
      description = "The document as stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DocumentDetails.class)))
  public Response upload(
      @PathParam("caseNumber") String caseNumber,
      @Context HttpServletRequest request,
      @Context UriInfo uriInfo)
      throws IOException {
    if (!JakartaServletFileUpload.isMultipartContent(request)) {
      throw new InvalidField("file", "send the document as multipart/form-data with a part file");
    }
    JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
    upload.setFileCountMax(10);
    // Browsers send a file's name in UTF-8 whatever the request says.
    upload.setHeaderCharset(StandardCharsets.UTF_8);
    String kind = null;
    String title = null;
    try {
      FileItemInputIterator parts = upload.getItemIterator(request);
      while (parts.hasNext()) {
        FileItemInput part = parts.next();
        switch (part.getFieldName() == null ? "" : part.getFieldName()) {
          case "kind" -> kind = field(part, "kind");
          case "title" -> title = field(part, "title");
          case "file" -> {
            DocumentDetails stored = store(caseNumber, kind, title, part);
            return Response.created(
                    uriInfo.getAbsolutePathBuilder().path(String.valueOf(stored.id())).build())
                .type(MediaType.APPLICATION_JSON)
                .entity(stored)
                .build();
          }
          default -> {
            // Another part is read past, never kept.
          }
        }
      }
    } catch (FileUploadException e) {
      throw new InvalidField("file", "the multipart body cannot be read");
    }
    throw new InvalidField("file", "send the document in a part named file");
  }

  private DocumentDetails store(String caseNumber, String kind, String title, FileItemInput part)
      throws IOException {
    DocumentKind code;
    try {
      code =
          kind == null || kind.isBlank() ? DocumentKind.OTHER : DocumentKind.valueOf(kind.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidField("kind", "must be one of " + List.of(DocumentKind.values()));
    }
    try (InputStream content = part.getInputStream()) {
      return documents
          .upload(caseNumber, code, title, part.getName(), content)
          .orElseThrow(NotFoundException::new);
    }
  }

  private static String field(FileItemInput part, String name) throws IOException {
    try (InputStream in = part.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_FIELD + 1);
      if (bytes.length > MAX_FIELD) {
        throw new InvalidField(name, "must be at most " + MAX_FIELD + " characters");
      }
      String value = new String(bytes, StandardCharsets.UTF_8);
      if (value.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\t')) {
        throw new InvalidField(name, "must not hold control characters");
      }
      return value;
    }
  }

  @Operation(operationId = "listDocuments", summary = "List the documents of a case")
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<DocumentDetails> list(@PathParam("caseNumber") String caseNumber) {
    return documents.documents(caseNumber).orElseThrow(NotFoundException::new);
  }

  @Operation(
      operationId = "getDocumentContent",
      summary = "Download a document's content, exactly as uploaded (metadata of images stripped)")
  @GET
  @Path("{documentId}/content")
  @Produces({MediaType.WILDCARD})
  @APIResponse(
      responseCode = "200",
      description = "The document's bytes with their content type, as an attachment",
      content =
          @Content(
              mediaType = MediaType.WILDCARD,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response content(
      @PathParam("caseNumber") String caseNumber, @PathParam("documentId") long documentId) {
    CaseDocuments.DocumentFile file =
        documents.content(caseNumber, documentId).orElseThrow(NotFoundException::new);
    StreamingOutput body =
        out -> {
          try (InputStream in = file.content().get()) {
            in.transferTo(out);
          }
        };
    return Response.ok(body)
        .type(file.details().contentType())
        .header("Content-Disposition", disposition(file.details()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .build();
  }

  @Operation(
      operationId = "deleteDocument",
      summary = "Delete a document (supervisors of the team, with a reason)")
  @DELETE
  @Path("{documentId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public DocumentDetails delete(
      @PathParam("caseNumber") String caseNumber,
      @PathParam("documentId") long documentId,
      @NotNull(message = "send the reason as a JSON object") @jakarta.validation.Valid
          Deletion deletion) {
    return documents
        .delete(caseNumber, documentId, deletion.reason())
        .orElseThrow(NotFoundException::new);
  }

  /**
   * {@code attachment} with the document's own name: an ASCII fallback any browser takes, and the
   * name itself in RFC 5987 encoding for those that read it.
   */
  static String disposition(DocumentDetails d) {
    String name = d.fileName() == null ? "document-" + d.id() : d.fileName();
    String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (ascii.isBlank() || ascii.startsWith(".")) {
      ascii = "document-" + d.id();
    }
    return "attachment; filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
