package org.haven.referrals.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.haven.access.boundary.AccessPolicy;
import org.haven.referrals.boundary.ReferralDetails;
import org.haven.referrals.boundary.Referrals;

/**
 * The supervisor's review queue over REST: {@code GET /api/v1/referrals/awaiting-approval}, the
 * team's referrals waiting, most urgent and longest waiting first.
 */
@Path("referrals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AccessPolicy.SUPERVISOR)
public class ReferralQueueResource {

  @Inject Referrals referrals;

  @GET
  @Path("awaiting-approval")
  public List<ReferralDetails> awaitingApproval() {
    return referrals.awaitingApproval();
  }
}
