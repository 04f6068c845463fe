package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Optional;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.entity.StaffMember;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseActions;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.control.FollowUps;
import org.haven.cases.entity.ExploitationProfile;
import org.haven.cases.entity.RiskLevel;

/** The coded facts of a case that caseworkers assess: its exploitation profile and risk level. */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseProfile {

  @Inject AccessPolicy access;
  @Inject CaseActions actions;
  @Inject FollowUps followUps;
  @Inject CaseOpener opener;

  /**
   * Replaces the case's exploitation profile (coded answers, CTDC vocabulary). A stale {@code
   * expectedVersion} is a conflicting edit. Empty if the case is out of scope.
   */
  public Optional<CaseFile> describeExploitation(
      String caseNumber,
      @NotNull(message = "send the exploitation profile") ExploitationProfile profile,
      Long expectedVersion) {
    return actions
        .change(
            caseNumber,
            AuditAction.EXPLOITATION_DESCRIBED,
            (c, trail) -> {
              CaseRecords.checkVersion(c, expectedVersion);
              CaseRecords.refuseIfErased(c);
              c.describeExploitation(profile);
              trail.details("types: " + profile.getTypes());
              return c;
            })
        .map(opener::open);
  }

  /**
   * Records a new risk assessment (level, today, the caller); it also counts as the review a
   * high-risk case is due, and schedules the next one. Empty if the case is out of scope.
   */
  public Optional<CaseFile> assessRisk(
      String caseNumber,
      @NotNull(message = "choose a risk level") RiskLevel level,
      Long expectedVersion) {
    return actions
        .change(
            caseNumber,
            AuditAction.RISK_ASSESSED,
            (c, trail) -> {
              CaseRecords.checkVersion(c, expectedVersion);
              RiskLevel before = c.getRiskLevel();
              StaffMember actor = access.actor();
              Instant now = Instant.now();
              c.assessRisk(level, actor, now);
              followUps.riskAssessed(c, actor, now);
              trail.details("risk: from " + before + " to " + level);
              return c;
            })
        .map(opener::open);
  }
}
