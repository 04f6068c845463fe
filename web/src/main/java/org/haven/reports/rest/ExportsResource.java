package org.haven.reports.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.reports.boundary.CtdcExport;
import org.haven.reports.boundary.DisclosureReport;

/**
 * The CTDC export over REST, for administrators: {@code /api/v1/exports/ctdc.csv} and the
 * disclosure report of what it would release ({@code /api/v1/exports/ctdc/report}).
 */
@Tag(name = "reports")
@Path("exports")
@RolesAllowed(AccessPolicy.ADMIN)
public class ExportsResource {

  @Inject CtdcExport ctdc;

  @Operation(
      operationId = "exportCtdc",
      summary =
          "Export the survivors who consented to statistics as the CTDC dataset, k-anonymised")
  @GET
  @Path("ctdc.csv")
  @Produces("text/csv")
  @APIResponse(
      responseCode = "200",
      description = "One row per released survivor in the CTDC codebook's columns",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
  public Response csv() {
    StreamingOutput csv = out -> ctdc.export(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    return Response.ok(csv)
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"haven-ctdc.csv\"")
        .build();
  }

  @Operation(
      operationId = "getCtdcDisclosureReport",
      summary = "What the CTDC export releases, generalises and suppresses, counts only")
  @GET
  @Path("ctdc/report")
  @Produces(MediaType.APPLICATION_JSON)
  public DisclosureReport report() {
    return ctdc.report();
  }
}
