package org.haven.referrals.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.haven.access.web.SignedInUser;
import org.haven.referrals.boundary.Referrals;

/** The header's count of referrals waiting for a supervisor's approval (supervisors only). */
@Named
@RequestScoped
public class ReferralBadge {

  @Inject Referrals referrals;

  @Inject SignedInUser user;

  private Long pending;

  public long getPending() {
    if (pending == null) {
      pending = user.isSupervisor() ? referrals.awaitingApprovalCount() : 0L;
    }
    return pending;
  }
}
