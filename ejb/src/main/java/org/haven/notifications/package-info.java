/**
 * Notifications: who among the staff hears what about a referral (submitted for approval, returned,
 * accepted, declined, overdue), the bell that shows them, and the optional mail. A notification
 * names the case and the referral by number only, nothing of the survivor.
 *
 * <p>A business feature. It may use the foundation features, {@code cases} and {@code referrals};
 * nothing depends on it. It learns of what happens through CDI events, not calls.
 *
 * <p>Entry points: {@code boundary.Notifications}, the signed-in person's own notifications (the
 * list, the count, marking read); {@code control.ReferralNotices}, which observes {@code
 * ReferralMoved} and {@code JoinedTeam} and decides who is told; {@code
 * control.OverdueReferralWatch}, the timer that looks for overdue referrals; {@code
 * control.NotificationMail}, mail after the transaction committed ({@code HAVEN_MAIL_ENABLED}). See
 * docs/domain/notifications.md.
 */
package org.haven.notifications;
