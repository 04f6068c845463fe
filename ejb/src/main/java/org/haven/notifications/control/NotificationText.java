package org.haven.notifications.control;

import org.haven.notifications.entity.NotificationKind;

/** A notification in words for REST clients and mail (pages use their own translations). */
public final class NotificationText {

  private NotificationText() {}

  public static String of(NotificationKind kind, String caseNumber, Long referralId, String about) {
    String referral = "Referral " + referralId + " of case " + caseNumber;
    return switch (kind) {
      case REFERRAL_AWAITING_APPROVAL -> referral + " awaits your approval.";
      case REFERRAL_RETURNED -> referral + " was returned by a supervisor.";
      case REFERRAL_ACCEPTED -> referral + " was accepted by the provider.";
      case REFERRAL_DECLINED -> referral + " was declined by the provider.";
      case REFERRAL_OVERDUE -> referral + " has not been answered in the provider's agreed time.";
      case ACCESS_CHANGED -> "An administrator changed the access of your team's " + about + ".";
      case BREAK_GLASS ->
          "Case " + caseNumber + " of your team was opened by break-glass: " + about + ".";
      case DUPLICATE_MATCHED ->
          "A duplicate check from outside your team matched case "
              + caseNumber
              + ": "
              + about
              + ".";
    };
  }
}
