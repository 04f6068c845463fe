package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.haven.api.Dates;
import org.haven.api.OneOf;
import org.haven.api.Versions;
import org.haven.cases.boundary.CaseServiceDetails;
import org.haven.cases.boundary.ServiceDelivery;
import org.haven.cases.entity.ServiceStatus;
import org.haven.problems.InvalidField;

/** The services of a case over REST: {@code /api/v1/cases/{caseNumber}/services}. */
@Tag(name = "cases")
@Path("cases/{caseNumber}/services")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseServicesResource {

  @Inject ServiceDelivery services;

  /**
   * {@code POST}: a service type code of the catalogue, optionally the id of a provider that offers
   * it, the date it is planned for. {@code PUT}: {@code status} DELIVERED (with {@code
   * deliveredOn}, today if left out, and the {@code outcome}) or CANCELLED (the reason in {@code
   * outcome}); without a status, a new {@code providerId} or {@code plannedOn}.
   */
  public record ServiceInput(
      @Size(max = 40, message = "must be a service type code") String serviceType,
      Long providerId,
      @Pattern(regexp = Dates.DATE, message = Dates.MESSAGE) String plannedOn,
      @Schema(implementation = ServiceStatus.class) @OneOf(ServiceStatus.class) String status,
      @Pattern(regexp = Dates.DATE, message = Dates.MESSAGE) String deliveredOn,
      @Size(max = 2000, message = "must be at most 2000 characters") String outcome,
      Long version) {}

  @Operation(operationId = "listCaseServices", summary = "List the services of a case")
  @GET
  public List<CaseServiceDetails> list(@PathParam("caseNumber") String caseNumber) {
    return services.services(caseNumber).orElseThrow(NotFoundException::new);
  }

  @Operation(operationId = "planService", summary = "Plan a service for a case")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @APIResponse(
      responseCode = "201",
      description = "The service planned; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CaseServiceDetails.class)))
  public Response plan(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the service as a JSON object") @Valid ServiceInput input,
      @Context UriInfo uriInfo) {
    if (input.serviceType() == null || input.serviceType().isBlank()) {
      throw new InvalidField("serviceType", "choose the service");
    }
    if (input.plannedOn() == null) {
      throw new InvalidField("plannedOn", "give the date it is planned for");
    }
    CaseServiceDetails planned =
        services
            .plan(
                caseNumber,
                input.serviceType(),
                input.providerId(),
                Dates.parse("plannedOn", input.plannedOn()))
            .orElseThrow(NotFoundException::new);
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(String.valueOf(planned.getId())).build())
        .entity(planned)
        .build();
  }

  @Operation(operationId = "recordServiceProgress", summary = "Record how a service of a case went")
  @PUT
  @Path("{serviceId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseServiceDetails record(
      @PathParam("caseNumber") String caseNumber,
      @PathParam("serviceId") long serviceId,
      @NotNull(message = "send the change as a JSON object") @Valid ServiceInput input,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return services
        .record(
            caseNumber,
            serviceId,
            input.status() == null ? null : ServiceStatus.valueOf(input.status()),
            Dates.parse("deliveredOn", input.deliveredOn()),
            input.outcome(),
            input.providerId(),
            Dates.parse("plannedOn", input.plannedOn()),
            Versions.expected(input.version(), ifMatch))
        .orElseThrow(NotFoundException::new);
  }
}
