package org.haven.notifications.boundary;

import java.time.Instant;
import org.haven.notifications.control.NotificationText;
import org.haven.notifications.entity.Notification;
import org.haven.notifications.entity.NotificationKind;

/** A notification as its reader sees it (REST and the bell). */
public final class NotificationDetails {

  private final long id;
  private final NotificationKind kind;
  private final String caseNumber;
  private final Long referralId;
  private final String about;
  private final String text;
  private final Instant createdAt;
  private final Instant readAt;

  NotificationDetails(Notification n) {
    this.id = n.getId();
    this.kind = n.getKind();
    this.caseNumber = n.getCaseNumber();
    this.referralId = n.getReferralId();
    this.about = n.getAbout();
    this.text = NotificationText.of(n.getKind(), n.getCaseNumber(), n.getReferralId(), about);
    this.createdAt = n.getCreatedAt();
    this.readAt = n.getReadAt();
  }

  public long getId() {
    return id;
  }

  public NotificationKind getKind() {
    return kind;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public Long getReferralId() {
    return referralId;
  }

  /** For a notice about no case: whose access changed, and how; null otherwise. */
  public String getAbout() {
    return about;
  }

  /** What happened, in English words. */
  public String getText() {
    return text;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getReadAt() {
    return readAt;
  }

  public boolean isRead() {
    return readAt != null;
  }
}
