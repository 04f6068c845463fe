package org.haven.referrals.rest;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.api.OneOf;
import org.haven.api.Versions;
import org.haven.problems.InvalidField;
import org.haven.referrals.boundary.ReferralDetails;
import org.haven.referrals.boundary.Referrals;
import org.haven.referrals.entity.ReferralStatus;
import org.haven.referrals.entity.Urgency;

/** A case's referrals over REST: {@code /api/v1/cases/{caseNumber}/referrals}. */
@Tag(name = "referrals")
@Path("cases/{caseNumber}/referrals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class ReferralsResource {

  @Inject Referrals referrals;

  /**
   * The body of {@code POST …/referrals}: the service (a catalogue code), the provider (an id of
   * the directory, offering that service), the urgency (EMERGENCY, URGENT, ROUTINE), whether the
   * referral shares the survivor's data, why (protected), and the language of the summary the
   * provider receives (en, fr or ar; English if not said).
   */
  public record NewReferral(
      @Size(max = 40, message = "must be a service type code") String serviceType,
      Long providerId,
      @Schema(implementation = Urgency.class) @OneOf(Urgency.class) String urgency,
      Boolean sharesData,
      @Size(max = 2000, message = "must be at most 2000 characters") String reason,
      @Schema(
              enumeration = {"en", "fr", "ar"},
              defaultValue = "en",
              description = "The language of the summary the provider receives")
          @Pattern(regexp = "en|fr|ar", message = "must be one of en, fr, ar")
          String summaryLanguage) {}

  /**
   * The body of {@code POST …/referrals/{id}/transitions}: where to move it, a reason where the
   * move needs one (returning, cancelling) or the provider's note (accepted, declined), optionally
   * the {@code version} read.
   */
  public record ReferralMove(
      @NotNull(message = "name the status to move to")
          @Schema(implementation = ReferralStatus.class, required = true)
          @OneOf(ReferralStatus.class)
          String to,
      @Size(max = 2000, message = "must be at most 2000 characters") String reason,
      Long version) {}

  @Operation(operationId = "listReferrals", summary = "List the referrals of a case")
  @GET
  public List<ReferralDetails> list(@PathParam("caseNumber") String caseNumber) {
    return referrals.referrals(caseNumber).orElseThrow(NotFoundException::new);
  }

  @Operation(operationId = "createReferral", summary = "Write a referral (a draft)")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @APIResponse(
      responseCode = "201",
      description = "The referral, a draft",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReferralDetails.class)))
  public Response create(
      @PathParam("caseNumber") String caseNumber,
      @NotNull(message = "send the referral as a JSON object") @Valid NewReferral input,
      @Context UriInfo uriInfo) {
    if (input.serviceType() == null) {
      throw new InvalidField("serviceType", "choose the service");
    }
    if (input.providerId() == null) {
      throw new InvalidField("providerId", "choose the provider");
    }
    ReferralDetails created =
        referrals
            .create(
                caseNumber,
                input.serviceType(),
                input.providerId(),
                input.urgency() == null ? Urgency.ROUTINE : Urgency.valueOf(input.urgency()),
                Boolean.TRUE.equals(input.sharesData()),
                input.reason(),
                input.summaryLanguage())
            .orElseThrow(NotFoundException::new);
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(created)
        .build();
  }

  /**
   * The summary made when a supervisor approved the referral, for the provider: only the survivor's
   * fields the consent names. Each download is audited; none before approval (404), none once the
   * consent is withdrawn (409).
   */
  @Operation(
      operationId = "getReferralSummary",
      summary = "Download the summary PDF of a sent referral")
  @GET
  @Path("{referralId}/summary.pdf")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  @APIResponse(
      responseCode = "200",
      description = "The summary as PDF",
      content =
          @Content(
              mediaType = "application/pdf",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response summary(
      @PathParam("caseNumber") String caseNumber, @PathParam("referralId") long referralId) {
    Referrals.SummaryFile file =
        referrals.summary(caseNumber, referralId).orElseThrow(NotFoundException::new);
    return Response.ok(file.pdf(), "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
        .build();
  }

  /**
   * Moves the referral: PENDING_APPROVAL (submit), SENT (a supervisor approves and sends), RETURNED
   * (a supervisor, with a reason), ACCEPTED or DECLINED (the provider's answer), COMPLETED,
   * CANCELLED (with a reason). An illegal move is a 409 naming the allowed ones; sending data
   * without the survivor's consent for that provider and service is a 409 saying so.
   */
  @Operation(operationId = "moveReferral", summary = "Move a referral along its workflow")
  @POST
  @Path("{referralId}/transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  public ReferralDetails transition(
      @PathParam("caseNumber") String caseNumber,
      @PathParam("referralId") long referralId,
      @NotNull(message = "send the move as a JSON object") @Valid ReferralMove move,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return referrals
        .transition(
            caseNumber,
            referralId,
            ReferralStatus.valueOf(move.to()),
            move.reason(),
            Versions.expected(move.version(), ifMatch))
        .orElseThrow(NotFoundException::new);
  }
}
