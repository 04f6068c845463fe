package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.api.Dates;
import org.haven.cases.boundary.ConsentDetails;
import org.haven.cases.boundary.Consents;
import org.haven.cases.entity.ConsentMethod;
import org.haven.cases.entity.ConsentType;
import org.haven.cases.entity.SharedField;

/** A case's consents over REST: {@code /api/v1/cases/{caseNumber}/consents}. */
@Tag(name = "cases")
@Path("cases/{caseNumber}/consents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class ConsentsResource {

  @Inject Consents consents;

  /** Every consent of the case, withdrawn ones included ({@code active} says which stand). */
  @Operation(operationId = "listConsents", summary = "List the consents of a case")
  @GET
  public List<ConsentDetails> list(@PathParam("caseNumber") String caseNumber) {
    return consents.consents(caseNumber).orElseThrow(NotFoundException::new);
  }

  /** Records a consent the survivor gave. */
  @APIResponse(
      responseCode = "201",
      description = "The consent recorded; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConsentDetails.class)))
  @Operation(operationId = "recordConsent", summary = "Record a consent the survivor gave")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response record(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the consent as a JSON object") @Valid ConsentInput input,
      @Context UriInfo uriInfo) {
    ConsentDetails recorded =
        consents
            .record(
                caseNumber,
                ConsentType.valueOf(input.type()),
                input.recipient(),
                input.purpose(),
                input.providerId(),
                input.serviceType(),
                input.sharedFields() == null
                    ? Set.of()
                    : input.sharedFields().stream()
                        .map(SharedField::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(SharedField.class))),
                ConsentMethod.valueOf(input.howObtained()),
                Dates.parse("givenOn", input.givenOn()))
            .orElseThrow(NotFoundException::new);
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(String.valueOf(recorded.getId())).build())
        .entity(recorded)
        .build();
  }

  /** Records the survivor's withdrawal of a consent; withdrawing again is a 409. */
  @Operation(
      operationId = "withdrawConsent",
      summary = "Record that the survivor withdrew a consent")
  @POST
  @Path("{consentId}/withdrawal")
  @Consumes(MediaType.APPLICATION_JSON)
  public ConsentDetails withdraw(
      @PathParam("caseNumber") String caseNumber,
      @PathParam("consentId") long consentId,
      @Valid ConsentWithdrawal withdrawal) {
    return consents
        .withdraw(
            caseNumber,
            consentId,
            withdrawal == null ? null : Dates.parse("withdrawnOn", withdrawal.withdrawnOn()))
        .orElseThrow(NotFoundException::new);
  }
}
