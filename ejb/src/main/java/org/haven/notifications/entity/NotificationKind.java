package org.haven.notifications.entity;

/** What a notification tells its reader about a referral or their team. */
public enum NotificationKind {
  /** To the team's supervisors: a referral was submitted for their approval. */
  REFERRAL_AWAITING_APPROVAL,
  /** To whoever wrote it and the case's caseworker: a supervisor returned it with a reason. */
  REFERRAL_RETURNED,
  REFERRAL_ACCEPTED,
  REFERRAL_DECLINED,
  /** To the caseworker and the supervisors: the provider has not answered in its agreed time. */
  REFERRAL_OVERDUE,
  /** To a team's supervisors: an administrator changed a member's roles, team or enabled state. */
  ACCESS_CHANGED,
  /** To the supervisors of a case's team: someone outside the team opened it by break-glass. */
  BREAK_GLASS,
  /** To the supervisors of a case's team: a duplicate check from another team matched it. */
  DUPLICATE_MATCHED
}
