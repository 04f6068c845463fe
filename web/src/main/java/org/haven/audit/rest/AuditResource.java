package org.haven.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.api.Paging;
import org.haven.audit.boundary.AuditQuery;
import org.haven.audit.boundary.AuditReview;
import org.haven.audit.control.ChainVerifier;
import org.haven.audit.entity.AuditEvent;
import org.haven.paging.Page;

/**
 * The audit trail over REST: {@code GET /api/v1/audit/verify} (administrators) checks the chain;
 * {@code GET /api/v1/audit/events} and {@code /audit/events.csv} list what the caller may read
 * (administrators all, supervisors their team's, caseworkers their own).
 */
@Tag(name = "audit")
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR, AccessPolicy.ADMIN})
public class AuditResource {

  /** An auditor reads events by the screenful: more per page than the other lists. */
  static final int AUDIT_PAGE_SIZE = 50;

  @Inject AuditReview log;

  /** {@code {"intact":true,"verifiedThrough":N}} or {@code {"intact":false,…}}. */
  @JsonbPropertyOrder({"intact", "verifiedThrough", "firstBrokenEvent", "reason"})
  public record Verification(
      boolean intact, Long verifiedThrough, Long firstBrokenEvent, String reason) {}

  /**
   * One event as the API shows it: {@code hash} is the keyed MAC of its content, {@code sequence}
   * its place in the chain (none for the second or so until the sequencer has linked it).
   */
  public record Event(
      long id,
      Instant occurredAt,
      String actorUsername,
      String actorSubject,
      String actorRoles,
      String actorTeam,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String reason,
      String details,
      String clientAddress,
      String requestId,
      String hash,
      Long sequence) {

    static Event of(AuditEvent e) {
      return new Event(
          e.getId(),
          e.getOccurredAt(),
          e.getActorUsername(),
          e.getActorSubject(),
          e.getActorRoles(),
          e.getActorTeam(),
          e.getAction(),
          e.getObjectType(),
          e.getObjectId(),
          e.getOutcome().name(),
          e.getReason(),
          e.getDetails(),
          e.getClientAddress(),
          e.getRequestId(),
          e.getMac(),
          e.getSequence());
    }
  }

  /** A page of events, newest first. */
  @JsonbPropertyOrder({"items", "page", "size", "totalItems", "totalPages"})
  public record EventList(
      List<Event> items, int page, int size, long totalItems, long totalPages) {}

  @Operation(operationId = "verifyAuditTrail", summary = "Verify the audit trail's integrity")
  @GET
  @Path("verify")
  @RolesAllowed(AccessPolicy.ADMIN)
  public Verification verify() {
    ChainVerifier.Result result = log.verify();
    return new Verification(
        result.intact(), result.verifiedThrough(), result.firstBrokenEvent(), result.reason());
  }

  @Operation(operationId = "searchAuditEvents", summary = "Search the audit trail")
  @GET
  @Path("events")
  public EventList events(@Valid @BeanParam AuditFilters filters, @Valid @BeanParam Paging paging) {
    Page<AuditEvent> found = log.events(filters.query(), paging.request(AUDIT_PAGE_SIZE));
    return new EventList(
        found.items().stream().map(Event::of).toList(),
        found.page(),
        found.size(),
        found.totalItems(),
        found.totalPages());
  }

  @Operation(operationId = "exportAuditEvents", summary = "Export audit events as CSV")
  @GET
  @Path("events.csv")
  @Produces("text/csv")
  @APIResponse(
      responseCode = "200",
      description = "The matching events as CSV, formula-safe",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
  public Response export(@Valid @BeanParam AuditFilters filters) {
    AuditQuery query = filters.query();
    StreamingOutput csv = out -> log.export(query, out);
    return Response.ok(csv)
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"haven-audit.csv\"")
        .build();
  }
}
