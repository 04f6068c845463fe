package org.haven.notifications.control;

import java.util.List;
import org.haven.notifications.entity.Notification;
import org.haven.notifications.entity.NotificationKind;

/** Notifications just written, as the optional mail needs them once the transaction committed. */
public record NoticesCreated(List<Notice> notices) {

  /** One notification, detached: to whom (an address, if Keycloak has one), about what. */
  public record Notice(
      String email,
      String displayName,
      NotificationKind kind,
      String caseNumber,
      Long referralId,
      String about) {}

  static NoticesCreated of(List<Notification> made) {
    return new NoticesCreated(
        made.stream()
            .map(
                n ->
                    new Notice(
                        n.getRecipient().email().orElse(null),
                        n.getRecipient().getDisplayName(),
                        n.getKind(),
                        n.getCaseNumber(),
                        n.getReferralId(),
                        n.getAbout()))
            .toList());
  }
}
