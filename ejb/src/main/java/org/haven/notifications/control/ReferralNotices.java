package org.haven.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.haven.access.boundary.JoinedTeam;
import org.haven.access.boundary.Staff;
import org.haven.access.entity.StaffMember;
import org.haven.cases.entity.SurvivorCase;
import org.haven.notifications.entity.Notification;
import org.haven.notifications.entity.NotificationKind;
import org.haven.referrals.boundary.ReferralMoved;
import org.haven.referrals.entity.Referral;
import org.haven.referrals.entity.ReferralStatus;

/**
 * Decides who hears what about a referral: its moves (in the transaction that made them) and its
 * lateness (from {@link OverdueReferralWatch}). Whoever made a move is not told of it.
 */
@ApplicationScoped
public class ReferralNotices {

  @PersistenceContext EntityManager em;
  @Inject Staff staff;
  @Inject Notices notices;

  void moved(@Observes ReferralMoved moved) {
    Referral referral = em.find(Referral.class, moved.referralId());
    if (moved.from() == ReferralStatus.PENDING_APPROVAL) {
      // Approved, returned or cancelled: the other supervisors no longer need to look at it.
      settle(referral, NotificationKind.REFERRAL_AWAITING_APPROVAL);
    }
    NotificationKind kind =
        switch (moved.to()) {
          case PENDING_APPROVAL -> NotificationKind.REFERRAL_AWAITING_APPROVAL;
          case RETURNED -> NotificationKind.REFERRAL_RETURNED;
          case ACCEPTED -> NotificationKind.REFERRAL_ACCEPTED;
          case DECLINED -> NotificationKind.REFERRAL_DECLINED;
          default -> null;
        };
    if (kind == null) {
      return;
    }
    List<StaffMember> to =
        kind == NotificationKind.REFERRAL_AWAITING_APPROVAL
            ? staff.supervisorsOf(referral.getSurvivorCase().getOwningTeam())
            : caseworkersOf(referral);
    tell(to, kind, referral, moved.actorId());
  }

  /**
   * A supervisor new to a team (or to the role) hears of the team's referrals already waiting for
   * approval, as if they had been there when each was submitted.
   */
  void joined(@Observes JoinedTeam joined) {
    if (!joined.supervisor()) {
      return;
    }
    StaffMember member = em.find(StaffMember.class, joined.staffId());
    em.createQuery(
            "select r from Referral r where r.status = :pending"
                + " and r.survivorCase.owningTeam = :team"
                + " and not exists (select n from Notification n where n.referralId = r.id"
                + " and n.recipient = :member and n.kind = :kind)",
            Referral.class)
        .setParameter("pending", ReferralStatus.PENDING_APPROVAL)
        .setParameter("team", joined.team())
        .setParameter("member", member)
        .setParameter("kind", NotificationKind.REFERRAL_AWAITING_APPROVAL)
        .getResultList()
        .forEach(r -> tell(List.of(member), NotificationKind.REFERRAL_AWAITING_APPROVAL, r, null));
  }

  /**
   * Tells the caseworker and the team's supervisors of every sent referral now past its provider's
   * time, once each; returns how many referrals that was.
   */
  public int overdue(Instant now) {
    List<Referral> late =
        em.createQuery(
                "select r from Referral r join fetch r.provider join fetch r.survivorCase"
                    + " where r.status = :sent and r.overdueNotifiedAt is null",
                Referral.class)
            .setParameter("sent", ReferralStatus.SENT)
            .getResultStream()
            .filter(r -> r.isOverdue(now))
            .toList();
    for (Referral referral : late) {
      List<StaffMember> to = new ArrayList<>(caseworkersOf(referral));
      to.addAll(staff.supervisorsOf(referral.getSurvivorCase().getOwningTeam()));
      tell(to, NotificationKind.REFERRAL_OVERDUE, referral, null);
      referral.overdueNotified(now);
    }
    return late.size();
  }

  /** Who wrote the referral, and who holds the case now. */
  private static List<StaffMember> caseworkersOf(Referral referral) {
    List<StaffMember> people = new ArrayList<>();
    people.add(referral.getCreatedBy());
    SurvivorCase c = referral.getSurvivorCase();
    c.currentCaseworker().ifPresent(people::add);
    return people;
  }

  private void tell(
      List<StaffMember> people, NotificationKind kind, Referral referral, Long actorId) {
    Instant now = Instant.now();
    String caseNumber = referral.getSurvivorCase().getCaseNumber();
    notices.tell(
        people,
        actorId,
        person -> new Notification(person, kind, caseNumber, referral.getId(), now));
  }

  private void settle(Referral referral, NotificationKind kind) {
    em.createQuery(
            "update Notification n set n.readAt = :now where n.referralId = :id and n.kind = :kind"
                + " and n.readAt is null")
        .setParameter("now", Instant.now())
        .setParameter("id", referral.getId())
        .setParameter("kind", kind)
        .executeUpdate();
  }
}
