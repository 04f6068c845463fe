package org.haven.notifications.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.entity.StaffMember;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.haven.notifications.entity.Notification;

/**
 * The signed-in person's notifications: the bell's count, the list, marking read. Each person sees
 * only their own; someone else's notification answers as not found.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class Notifications {

  /** The bell lists this many; older ones stay in the database, read or not. */
  public static final int LATEST = 50;

  @PersistenceContext EntityManager em;
  @Inject AccessPolicy access;
  @Inject AuditTrail audit;

  /** The latest notifications, unread first, newest first; only unread ones if asked. */
  public List<NotificationDetails> mine(boolean unreadOnly) {
    StaffMember me = access.actor();
    List<NotificationDetails> list =
        em.createQuery(
                "select n from Notification n where n.recipient = :me"
                    + (unreadOnly ? " and n.readAt is null" : "")
                    + " order by case when n.readAt is null then 0 else 1 end,"
                    + " n.createdAt desc, n.id desc",
                Notification.class)
            .setParameter("me", me)
            .setMaxResults(LATEST)
            .getResultStream()
            .map(NotificationDetails::new)
            .toList();
    audit.record(
        Entry.of(AuditAction.NOTIFICATIONS_READ, "notification", null)
            .details(
                "notifications: "
                    + list.size()
                    + "; cases: "
                    + AuditTrail.caseNumbers(
                        list.stream()
                            .map(NotificationDetails::getCaseNumber)
                            .filter(java.util.Objects::nonNull)
                            .distinct()
                            .toList())));
    return list;
  }

  /** The bell's number: a count of the caller's own unread notifications, so not audited. */
  public long unreadCount() {
    return em.createQuery(
            "select count(n) from Notification n where n.recipient = :me and n.readAt is null",
            Long.class)
        .setParameter("me", access.actor())
        .getSingleResult();
  }

  /**
   * Marks one of the caller's notifications read; reading it again changes nothing. Empty (and the
   * attempt in the trail) for someone else's or none.
   */
  public Optional<NotificationDetails> markRead(long id) {
    Notification n = em.find(Notification.class, id);
    if (n == null || !n.getRecipient().getId().equals(access.actor().getId())) {
      audit.record(
          Entry.of(AuditAction.NOTIFICATIONS_READ, "notification", String.valueOf(id))
              .outcome(Outcome.NOT_FOUND));
      return Optional.empty();
    }
    n.read(Instant.now());
    return Optional.of(new NotificationDetails(n));
  }

  /** Marks every unread notification of the caller read; returns how many there were. */
  public int markAllRead() {
    return em.createQuery(
            "update Notification n set n.readAt = :now where n.recipient = :me and n.readAt is null")
        .setParameter("now", Instant.now())
        .setParameter("me", access.actor())
        .executeUpdate();
  }
}
