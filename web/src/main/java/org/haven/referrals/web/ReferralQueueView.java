package org.haven.referrals.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;
import org.haven.referrals.boundary.ReferralDetails;
import org.haven.referrals.boundary.Referrals;
import org.haven.referrals.entity.ReferralStatus;
import org.haven.ui.Texts;

/**
 * Backs {@code referrals/queue.xhtml}, the supervisor's review queue: the team's referrals waiting,
 * most urgent and longest waiting first; approve (send) or return with a reason, one step each.
 */
@Named
@ViewScoped
public class ReferralQueueView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Referrals referrals;

  private List<ReferralDetails> queue;
  private String reason;

  public List<ReferralDetails> getQueue() {
    if (queue == null) {
      queue = referrals.awaitingApproval();
    }
    return queue;
  }

  public void approve(ReferralDetails r) {
    decide(r, ReferralStatus.SENT, null, "referral.sent");
  }

  public void returnForRework(ReferralDetails r) {
    if (reason == null || reason.isBlank()) {
      Texts.say(FacesMessage.SEVERITY_WARN, "referral.giveReason");
      return;
    }
    decide(r, ReferralStatus.RETURNED, reason, "referral.returned");
  }

  private void decide(ReferralDetails r, ReferralStatus to, String why, String done) {
    try {
      referrals.transition(r.getCaseNumber(), r.getId(), to, why, r.getVersion());
      Texts.say(FacesMessage.SEVERITY_INFO, done, r.getCaseNumber());
      reason = null;
    } catch (Conflict | InvalidField refused) {
      Texts.sayAsIs(FacesMessage.SEVERITY_WARN, refused.getMessage());
    } catch (jakarta.ejb.EJBException failed) {
      if (!(failed.getCause() instanceof jakarta.persistence.OptimisticLockException)) {
        throw failed;
      }
      Texts.say(FacesMessage.SEVERITY_WARN, "case.editedMeanwhile");
    }
    queue = null;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
