package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.api.Paging;
import org.haven.cases.boundary.BreakGlass;
import org.haven.cases.boundary.EmergencyAccess;
import org.haven.paging.Page;
import org.haven.paging.PageRequest;

/**
 * {@code GET /api/v1/break-glass}: the break-glass openings of the supervisor's team's cases in the
 * last 30 days, with who, why and until when, a page at a time (all of them, not the latest few).
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
  public EmergencyAccessList recent(@Valid @BeanParam Paging paging) {
    return EmergencyAccessList.of(
        emergency.emergencyAccesses(paging.request(PageRequest.DEFAULT_SIZE)));
  }

  /** One page of {@code GET /api/v1/break-glass}, newest first; {@code page} is zero-based. */
  @JsonbPropertyOrder({"items", "page", "size", "totalItems", "totalPages"})
  public record EmergencyAccessList(
      List<EmergencyAccess> items, int page, int size, long totalItems, long totalPages) {
    static EmergencyAccessList of(Page<EmergencyAccess> found) {
      return new EmergencyAccessList(
          found.items(), found.page(), found.size(), found.totalItems(), found.totalPages());
    }
  }
}
