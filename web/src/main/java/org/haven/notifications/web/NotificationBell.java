package org.haven.notifications.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.haven.access.web.SignedInUser;
import org.haven.notifications.boundary.NotificationDetails;
import org.haven.notifications.boundary.Notifications;
import org.haven.notifications.entity.NotificationKind;
import org.haven.ui.Texts;

/**
 * The header's bell: the unread count on every page, the list when opened (loaded then, so that
 * only opening it reads and audits it), a click marks one read and opens its case.
 */
@Named
@RequestScoped
public class NotificationBell {

  /** The case page's Referrals tab (counted from 0), where every notification points. */
  static final int REFERRALS_TAB = 7;

  @Inject Notifications notifications;

  @Inject SignedInUser user;

  private Long unread;
  private List<NotificationDetails> latest;

  public boolean isShown() {
    return user.isWorkingOnCases();
  }

  public long getUnread() {
    if (unread == null) {
      unread = isShown() ? notifications.unreadCount() : 0L;
    }
    return unread;
  }

  public List<NotificationDetails> getLatest() {
    if (latest == null) {
      latest = notifications.mine(false);
    }
    return latest;
  }

  /** What happened, in the reader's language. */
  public String textOf(NotificationDetails n) {
    return Texts.get(
        "notification." + n.getKind().name(), n.getCaseNumber(), n.getReferralId(), n.getAbout());
  }

  public void open(long id) throws IOException {
    ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
    var read = notifications.markRead(id);
    if (read.isPresent() && read.get().getCaseNumber() == null) {
      // A change of a team member's access: the supervisor's audit view shows it.
      context.redirect(context.getRequestContextPath() + "/audit/events.xhtml");
    } else if (read.isPresent() && read.get().getKind() == NotificationKind.BREAK_GLASS) {
      // The review of break-glass openings heads the case list.
      context.redirect(context.getRequestContextPath() + "/cases/list.xhtml");
    } else if (read.isPresent()) {
      context.redirect(
          context.getRequestContextPath()
              + "/cases/case.xhtml?n="
              + read.get().getCaseNumber()
              + "&tab="
              + REFERRALS_TAB);
    }
  }

  public void markAllRead() {
    notifications.markAllRead();
    unread = null;
    latest = null;
  }
}
