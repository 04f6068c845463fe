package org.haven.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.haven.access.boundary.Staff;
import org.haven.access.entity.StaffMember;
import org.haven.cases.boundary.DuplicateMatched;
import org.haven.cases.boundary.GlassBroken;
import org.haven.notifications.entity.Notification;
import org.haven.notifications.entity.NotificationKind;
import org.haven.staff.boundary.AccessChanged;

/**
 * Tells a team's supervisors, in the transaction of the event, when an administrator changes a
 * member's access and when someone outside the team opens one of its cases by break-glass: who sees
 * the team's survivors is the supervisors' business, and neither happens unseen; and when someone
 * of another team checks for a survivor the team already knows.
 */
@ApplicationScoped
public class TeamNotices {

  @Inject Staff staff;
  @Inject Notices notices;

  void accessChanged(@Observes AccessChanged changed) {
    tell(
        changed.teams(),
        NotificationKind.ACCESS_CHANGED,
        null,
        changed.username() + " (" + changed.change() + ")");
  }

  /** Break-glass on a team's case: its supervisors review every opening, starting now. */
  void glassBroken(@Observes GlassBroken broken) {
    tell(
        List.of(broken.team()),
        NotificationKind.BREAK_GLASS,
        broken.caseNumber(),
        broken.username() + ", purpose " + broken.purpose().name());
  }

  /**
   * Someone elsewhere is looking for a survivor of this team: the supervisors decide whether to
   * share, and notice someone fishing.
   */
  void duplicateMatched(@Observes DuplicateMatched found) {
    tell(
        List.of(found.team()),
        NotificationKind.DUPLICATE_MATCHED,
        found.caseNumber(),
        found.username()
            + (found.checkerTeam() == null ? "" : " (team " + found.checkerTeam() + ")")
            + ", "
            + found.match());
  }

  private void tell(List<String> teams, NotificationKind kind, String caseNumber, String about) {
    List<StaffMember> supervisors = new ArrayList<>();
    teams.forEach(team -> supervisors.addAll(staff.supervisorsOf(team)));
    Instant now = Instant.now();
    notices.tell(
        supervisors, null, person -> Notification.about(person, kind, caseNumber, about, now));
  }
}
