package org.haven.referrals.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.referrals.boundary.ReferralDetails;
import org.haven.referrals.boundary.Referrals;

/**
 * The supervisor's review queue over REST: {@code GET /api/v1/referrals/awaiting-approval}, the
 * team's referrals waiting, most urgent and longest waiting first.
 */
@Tag(name = "referrals")
@Path("referrals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AccessPolicy.SUPERVISOR)
public class ReferralQueueResource {

  @Inject Referrals referrals;

  @Operation(
      operationId = "listReferralsAwaitingApproval",
      summary = "Referrals of the team waiting for a supervisor")
  @GET
  @Path("awaiting-approval")
  public List<ReferralDetails> awaitingApproval() {
    return referrals.awaitingApproval();
  }
}
