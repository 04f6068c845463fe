package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.CaseScope;
import org.haven.access.boundary.Staff;
import org.haven.access.entity.StaffMember;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseActions;
import org.haven.cases.control.CaseRecords;

/** Who works on a case: a supervisor gives it to a caseworker of the team. */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class Reassignment {

  @Inject AccessPolicy access;
  @Inject Staff staff;
  @Inject CaseActions actions;
  @Inject CaseRecords records;
  @Inject CaseOpener opener;

  /** Gives a case to another caseworker of its team: supervisors only. Empty if out of scope. */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public Optional<CaseFile> reassign(String caseNumber, String caseworkerUsername) {
    return actions
        .change(
            caseNumber,
            AuditAction.CASE_REASSIGNED,
            (c, trail) -> {
              records.requireSupervisorOf(c);
              StaffMember caseworker =
                  staff
                      .caseworkerOf(c.getOwningTeam(), caseworkerUsername)
                      .orElseThrow(
                          () -> CaseRegistration.notACaseworker("caseworker", c.getOwningTeam()));
              String before = c.currentCaseworker().map(StaffMember::getUsername).orElse("nobody");
              if (!c.currentCaseworker().filter(caseworker::equals).isPresent()) {
                c.assignTo(caseworker, access.actor(), Instant.now());
              }
              trail.details(
                  "changed: assignee; from " + before + " to " + caseworker.getUsername());
              return c;
            })
        .map(opener::open);
  }

  /** The caseworkers a supervisor can give cases to; nobody for a caseworker. */
  public List<StaffMember> assignableCaseworkers() {
    CaseScope scope = access.caseScope();
    return scope.reach() == CaseScope.Reach.TEAM && access.supervises(scope.team())
        ? staff.caseworkersOf(scope.team())
        : List.of();
  }
}
