package org.haven.services.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.web.SignedInUser;
import org.haven.api.Versions;
import org.haven.services.boundary.ImportReport;
import org.haven.services.boundary.ProviderEntry;
import org.haven.services.boundary.ServiceDirectory;

/**
 * The service catalogue and the provider directory over REST: read by staff at {@code
 * /api/v1/services} and {@code /api/v1/providers}, kept by administrators under {@code
 * /api/v1/admin/…}, CSV import included.
 */
@Tag(name = "services")
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR, AccessPolicy.ADMIN})
public class ServicesResource {

  @Inject ServiceDirectory directory;
  @Inject SignedInUser user;

  /** The catalogue in its order; administrators also see retired types. */
  @Operation(operationId = "listServiceTypes", summary = "List the service catalogue")
  @GET
  @Path("services")
  public List<ServiceTypeDocument> services() {
    return directory.serviceTypes(user.isAdmin()).stream().map(ServiceTypeDocument::of).toList();
  }

  /** Adds a service type or changes one (administrators). */
  @Operation(
      operationId = "saveServiceType",
      summary = "Add or change a service type of the catalogue")
  @PUT
  @Path("admin/services/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(AccessPolicy.ADMIN)
  public ServiceTypeDocument saveService(
      @PathParam("code") String code,
      @NotNull(message = "send the service type as a JSON object") @Valid
          ServiceTypeDocument body) {
    return ServiceTypeDocument.of(
        directory.saveServiceType(
            code, body.name(), body.description(), body.active() == null || body.active()));
  }

  /**
   * The providers, by name, optionally only those offering {@code serviceType} in {@code area};
   * administrators also see inactive ones.
   */
  @Operation(
      operationId = "listProviders",
      summary = "List the providers, optionally by service and area")
  @GET
  @Path("providers")
  public List<ProviderEntry> providers(
      @QueryParam("serviceType") @Size(max = 40, message = "must be a service type code")
          String serviceType,
      @QueryParam("area") @Size(max = 200, message = "must be at most 200 characters")
          String area) {
    return directory.providers(serviceType, area, user.isAdmin());
  }

  @Operation(operationId = "getProvider", summary = "Read one provider")
  @GET
  @Path("providers/{id}")
  public ProviderEntry provider(@PathParam("id") long id) {
    return directory.provider(id).orElseThrow(NotFoundException::new);
  }

  /** Adds a provider (administrators); a name already in the directory is a 409. */
  @Operation(operationId = "addProvider", summary = "Add a provider to the directory")
  @POST
  @Path("admin/providers")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(AccessPolicy.ADMIN)
  @APIResponse(
      responseCode = "201",
      description = "The provider added; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProviderEntry.class)))
  public Response addProvider(
      @NotNull(message = "send the provider as a JSON object") @Valid ProviderInput input,
      @Context UriInfo uriInfo) {
    ProviderEntry added = directory.saveProvider(null, input.details(), null).orElseThrow();
    return Response.created(uriInfo.getBaseUriBuilder().path("providers/{id}").build(added.getId()))
        .entity(added)
        .build();
  }

  /** Replaces what the directory says about a provider (administrators). */
  @Operation(
      operationId = "changeProvider",
      summary = "Change what the directory says about a provider")
  @PUT
  @Path("admin/providers/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(AccessPolicy.ADMIN)
  public ProviderEntry changeProvider(
      @PathParam("id") long id,
      @NotNull(message = "send the provider as a JSON object") @Valid ProviderInput input,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return directory
        .saveProvider(id, input.details(), Versions.expected(input.version(), ifMatch))
        .orElseThrow(NotFoundException::new);
  }

  /**
   * Imports providers from a CSV file (administrators): the body is the file, its first line {@code
   * name,serviceTypes,areas,phone,email,address,responseTimeHours,active}, lists separated by
   * {@code ;}. Good rows are created or updated (by name); each bad row comes back with its line
   * and the reason.
   */
  @Operation(operationId = "importProviders", summary = "Import providers from a CSV file")
  @POST
  @Path("admin/providers/import")
  @Consumes("text/csv")
  @RolesAllowed(AccessPolicy.ADMIN)
  public ImportReport importProviders(String csv) {
    return directory.importProviders(csv);
  }
}
