package org.haven.referrals.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.haven.referrals.boundary.Referrals;

/** The header's count of referrals waiting for a supervisor's approval (supervisors only). */
@Named
@RequestScoped
public class ReferralBadge {

  @Inject Referrals referrals;

  private Long pending;

  public long getPending() {
    if (pending == null) {
      pending =
          FacesContext.getCurrentInstance().getExternalContext().isUserInRole("supervisor")
              ? referrals.awaitingApprovalCount()
              : 0L;
    }
    return pending;
  }
}
