package org.haven.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.haven.audit.boundary.AuditLog;
import org.haven.audit.boundary.AuditQuery;
import org.haven.audit.control.ChainVerifier;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent;
import org.haven.paging.Page;
import org.haven.paging.PageRequest;
import org.haven.problems.InvalidField;

/**
 * The audit trail over REST: {@code GET /api/v1/audit/verify} (administrators) checks the chain;
 * {@code GET /api/v1/audit/events} and {@code /audit/events.csv} list what the caller may read
 * (administrators all, supervisors their team's, caseworkers their own).
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"caseworker", "supervisor", "admin"})
public class AuditResource {

  static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

  @Inject AuditLog log;

  /** {@code {"intact":true,"verifiedThrough":N}} or {@code {"intact":false,…}}. */
  @JsonbPropertyOrder({"intact", "verifiedThrough", "firstBrokenEvent", "reason"})
  public record Verification(
      boolean intact, Long verifiedThrough, Long firstBrokenEvent, String reason) {}

  /** One event as the API shows it. */
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
      String hash) {

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
          e.getHash());
    }
  }

  /** A page of events, newest first. */
  @JsonbPropertyOrder({"items", "page", "size", "totalItems", "totalPages"})
  public record EventList(
      List<Event> items, int page, int size, long totalItems, long totalPages) {}

  @GET
  @Path("verify")
  @RolesAllowed("admin")
  public Verification verify() {
    ChainVerifier.Result result = log.verify();
    return new Verification(
        result.intact(), result.verifiedThrough(), result.firstBrokenEvent(), result.reason());
  }

  @GET
  @Path("events")
  public EventList events(
      @QueryParam("caseNumber") String caseNumber,
      @QueryParam("user") String user,
      @QueryParam("action") String action,
      @QueryParam("from") @Pattern(regexp = DATE, message = "must be a date written YYYY-MM-DD")
          String from,
      @QueryParam("to") @Pattern(regexp = DATE, message = "must be a date written YYYY-MM-DD")
          String to,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more")
          int page,
      @QueryParam("size")
          @DefaultValue("50")
          @Min(value = 1, message = "must be between 1 and 100")
          @Max(value = PageRequest.MAX_SIZE, message = "must be between 1 and 100")
          int size) {
    Page<AuditEvent> found =
        log.events(
            query(caseNumber, user, action, from, to), new PageRequest(page, size, null, false));
    return new EventList(
        found.items().stream().map(Event::of).toList(),
        found.page(),
        found.size(),
        found.totalItems(),
        found.totalPages());
  }

  @GET
  @Path("events.csv")
  @Produces("text/csv")
  public Response export(
      @QueryParam("caseNumber") String caseNumber,
      @QueryParam("user") String user,
      @QueryParam("action") String action,
      @QueryParam("from") @Pattern(regexp = DATE, message = "must be a date written YYYY-MM-DD")
          String from,
      @QueryParam("to") @Pattern(regexp = DATE, message = "must be a date written YYYY-MM-DD")
          String to) {
    return Response.ok(log.export(query(caseNumber, user, action, from, to)))
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"haven-audit.csv\"")
        .build();
  }

  static AuditQuery query(String caseNumber, String user, String action, String from, String to) {
    AuditAction code = null;
    if (action != null && !action.isBlank()) {
      try {
        code = AuditAction.valueOf(action);
      } catch (IllegalArgumentException e) {
        throw new InvalidField("action", "must be one of " + List.of(AuditAction.values()));
      }
    }
    return new AuditQuery(caseNumber, user, code, date("from", from), date("to", to));
  }

  private static LocalDate date(String field, String value) {
    try {
      return value == null ? null : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidField(field, "must be a real date written YYYY-MM-DD");
    }
  }
}
