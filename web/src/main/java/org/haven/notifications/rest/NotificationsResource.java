package org.haven.notifications.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.notifications.boundary.NotificationDetails;
import org.haven.notifications.boundary.Notifications;

/** The caller's own notifications over REST: {@code /api/v1/notifications}. */
@Tag(name = "notifications")
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class NotificationsResource {

  /** The bell's number. */
  public record UnreadCount(long unread) {}

  /** How many notifications were marked read. */
  public record Marked(int marked) {}

  @Inject Notifications notifications;

  /** The latest 50, unread first; {@code ?unread=true} for the unread only. */
  @Operation(operationId = "listNotifications", summary = "The caller's notifications")
  @GET
  public List<NotificationDetails> list(@QueryParam("unread") boolean unreadOnly) {
    return notifications.mine(unreadOnly);
  }

  @Operation(
      operationId = "countUnreadNotifications",
      summary = "How many notifications are unread")
  @GET
  @Path("unread-count")
  public UnreadCount unreadCount() {
    return new UnreadCount(notifications.unreadCount());
  }

  /** Marks one read; someone else's is a 404. */
  @Operation(operationId = "markNotificationRead", summary = "Mark one notification read")
  @POST
  @Path("{id}/read")
  public NotificationDetails markRead(@PathParam("id") long id) {
    return notifications.markRead(id).orElseThrow(NotFoundException::new);
  }

  @Operation(operationId = "markAllNotificationsRead", summary = "Mark every notification read")
  @POST
  @Path("read-all")
  public Marked markAllRead() {
    return new Marked(notifications.markAllRead());
  }
}
