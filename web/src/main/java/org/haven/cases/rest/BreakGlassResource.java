package org.haven.cases.rest;

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
import org.haven.cases.boundary.BreakGlass;
import org.haven.cases.boundary.EmergencyAccess;

/**
 * {@code GET /api/v1/break-glass}: the break-glass openings of the supervisor's team's cases in the
 * last 30 days, with who, why and until when.
 */
@Tag(name = "cases")
@Path("break-glass")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AccessPolicy.SUPERVISOR)
public class BreakGlassResource {
  @Inject BreakGlass emergency;

  @Operation(
      operationId = "listEmergencyAccesses",
      summary = "Break-glass openings of the team's cases to review")
  @GET
  public List<EmergencyAccess> recent() {
    return emergency.emergencyAccesses();
  }
}
