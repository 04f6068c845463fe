package org.haven.referrals.control;

import static org.haven.referrals.entity.ReferralStatus.ACCEPTED;
import static org.haven.referrals.entity.ReferralStatus.CANCELLED;
import static org.haven.referrals.entity.ReferralStatus.COMPLETED;
import static org.haven.referrals.entity.ReferralStatus.DECLINED;
import static org.haven.referrals.entity.ReferralStatus.DRAFT;
import static org.haven.referrals.entity.ReferralStatus.PENDING_APPROVAL;
import static org.haven.referrals.entity.ReferralStatus.RETURNED;
import static org.haven.referrals.entity.ReferralStatus.SENT;

import java.util.List;
import java.util.Map;
import org.haven.referrals.entity.ReferralStatus;

/**
 * The referral workflow as one table: which moves exist, and which of them only a supervisor of the
 * case's team makes (sending — the approval — and returning). Everything not here is refused.
 */
public final class ReferralWorkflow {

  /** A move and whether it takes a supervisor; a reason where the move needs one. */
  public record Move(ReferralStatus to, boolean supervisorOnly, boolean needsReason) {}

  private static final Map<ReferralStatus, List<Move>> MOVES =
      Map.of(
          DRAFT,
          List.of(new Move(PENDING_APPROVAL, false, false), new Move(CANCELLED, false, true)),
          PENDING_APPROVAL,
          List.of(
              new Move(SENT, true, false),
              new Move(RETURNED, true, true),
              new Move(CANCELLED, false, true)),
          RETURNED,
          List.of(new Move(PENDING_APPROVAL, false, false), new Move(CANCELLED, false, true)),
          SENT,
          List.of(
              new Move(ACCEPTED, false, false),
              new Move(DECLINED, false, false),
              new Move(CANCELLED, false, true)),
          ACCEPTED,
          List.of(new Move(COMPLETED, false, false), new Move(CANCELLED, false, true)),
          DECLINED,
          List.of(),
          COMPLETED,
          List.of(),
          CANCELLED,
          List.of());

  private ReferralWorkflow() {}

  /** The statuses the caller may move a referral to from {@code from}. */
  public static List<ReferralStatus> allowedFrom(ReferralStatus from, boolean supervisor) {
    return MOVES.get(from).stream()
        .filter(m -> supervisor || !m.supervisorOnly())
        .map(Move::to)
        .toList();
  }

  public static java.util.Optional<Move> move(ReferralStatus from, ReferralStatus to) {
    return MOVES.get(from).stream().filter(m -> m.to() == to).findFirst();
  }

  /** Still to be decided or sent: what a withdrawn consent cancels. */
  public static boolean isPending(ReferralStatus status) {
    return status == DRAFT || status == PENDING_APPROVAL || status == RETURNED;
  }
}
