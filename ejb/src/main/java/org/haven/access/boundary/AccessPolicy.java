package org.haven.access.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.haven.access.control.EmergencyGrants;
import org.haven.access.entity.StaffMember;

/**
 * The one place that decides who may see and change which survivor cases (docs/security/roles.md).
 * Roles come from the container (Keycloak's realm roles), team and identity from the caller's
 * token. Boundaries ask here; they never decide on their own.
 */
@Stateless
@PermitAll
public class AccessPolicy {

  public static final String CASEWORKER = "caseworker";
  public static final String SUPERVISOR = "supervisor";
  public static final String ADMIN = "admin";

  @Resource SessionContext context;
  @Inject Caller caller;
  @Inject Staff staff;
  @Inject EmergencyGrants emergencyGrants;

  /**
   * The cases the caller may see: a supervisor their team's, a caseworker those assigned now; and
   * either of them any case they opened by break-glass, until it expires.
   */
  public CaseScope caseScope() {
    CaseScope scope;
    if (holdsAdmin()) {
      return CaseScope.nothing(); // whatever else the token says (docs/security/roles.md)
    }
    if (context.isCallerInRole(SUPERVISOR)) {
      scope = caller.team().map(CaseScope::team).orElse(CaseScope.nothing());
    } else if (context.isCallerInRole(CASEWORKER) && caller.isIdentified()) {
      Optional<Long> staffId = staff.idOf(caller.subject());
      if (staffId.isEmpty()) {
        return CaseScope.nothing(); // not provisioned: nothing is assigned to them
      }
      scope = CaseScope.assignedTo(caller.subject(), staffId.get());
    } else {
      return CaseScope.nothing();
    }
    return caller.isIdentified()
        ? scope.withEmergencyCases(emergencyGrants.of(caller.subject(), Instant.now()))
        : scope;
  }

  /** The caller was just granted a break-glass opening: their scope grows once it commits. */
  public void brokeGlass() {
    if (caller.isIdentified()) {
      emergencyGrants.changed(caller.subject());
    }
  }

  /** Break-glass is for staff who work on cases; administrators never read survivor data. */
  public boolean mayBreakGlass() {
    return (context.isCallerInRole(SUPERVISOR) || context.isCallerInRole(CASEWORKER))
        && !holdsAdmin()
        && caller.isIdentified();
  }

  /**
   * Administrators decide who sees survivor data, so they never see it themselves: a token that
   * carries {@code admin} gets no case, no break-glass and no supervisor's decision, even if it
   * also carries a case role (an account from before the roles were kept apart, or a realm edited
   * by hand).
   */
  private boolean holdsAdmin() {
    return context.isCallerInRole(ADMIN);
  }

  /**
   * Nobody changes their own access (roles, team, enabled state): an administrator who wants more
   * must ask another one, and the trail shows who gave what to whom.
   */
  public void requireNotSelf(String subject, String refusal) {
    if (subject != null && subject.equals(caller.subject())) {
      throw new AccessRefused(refusal);
    }
  }

  /**
   * The audit events the caller may read (docs/security/roles.md: own actions, their team, all).
   */
  public AuditScope auditScope() {
    if (context.isCallerInRole(ADMIN)) {
      return new AuditScope(AuditScope.Reach.ALL, null, null);
    }
    if (context.isCallerInRole(SUPERVISOR) && caller.team().isPresent()) {
      return new AuditScope(AuditScope.Reach.TEAM, caller.team().get(), null);
    }
    if (context.isCallerInRole(CASEWORKER) && caller.isIdentified()) {
      return new AuditScope(AuditScope.Reach.OWN, null, caller.subject());
    }
    return new AuditScope(AuditScope.Reach.NOTHING, null, null);
  }

  /**
   * Whether the caller's statistics count every team's cases (docs/security/roles.md:
   * administrators; counts only, never content). Everyone else counts the cases of their {@link
   * #caseScope()}.
   */
  public boolean countsAllTeams() {
    return context.isCallerInRole(ADMIN);
  }

  /**
   * Whose cases the caller's reports and exports count (docs/security/roles.md): every team for
   * administrators (counts only, never content), their own team for supervisors; caseworkers, and a
   * supervisor without a team, are refused.
   */
  public StatisticsScope statisticsScope() {
    return statisticsScope(null);
  }

  /**
   * The same, for a question about {@code team}: a supervisor who asks about another team than
   * their own is refused rather than answered with nothing.
   */
  public StatisticsScope statisticsScope(String team) {
    if (holdsAdmin()) {
      return StatisticsScope.allTeams();
    }
    StatisticsScope own =
        supervisedTeam()
            .map(StatisticsScope::of)
            .orElseThrow(
                () ->
                    new AccessRefused(
                        "reports are for supervisors (their team) and administrators"));
    if (team != null && !own.onlyTeam().orElseThrow().equals(team)) {
      throw new AccessRefused("supervisors count their own team's cases");
    }
    return own;
  }

  /** The staff member acting now; a caller Haven has not provisioned is refused. */
  public StaffMember actor() {
    return Optional.ofNullable(caller.subject())
        .flatMap(staff::bySubject)
        .orElseThrow(() -> new AccessRefused("the caller is not known to Haven"));
  }

  /** The team a new case belongs to: the registering caseworker's or supervisor's own. */
  public String teamForNewCases() {
    return caller.team().orElseThrow(() -> new AccessRefused("cases are registered within a team"));
  }

  /** The caller's own team, if they have one. */
  public Optional<String> ownTeam() {
    return caller.team();
  }

  /**
   * Whether the caller supervises this team: the one check behind every supervisor's decision on a
   * case (assigning, approving a plan or a closure, returning one, erasing).
   */
  public boolean supervises(String team) {
    return supervisedTeam().filter(team::equals).isPresent();
  }

  /** Whether the caller is a supervisor (of their own team: the only one they supervise). */
  public boolean isSupervisor() {
    return supervisedTeam().isPresent();
  }

  /** The team the caller supervises, if they supervise one (never for a token with admin). */
  public Optional<String> supervisedTeam() {
    return context.isCallerInRole(SUPERVISOR) && !holdsAdmin() ? caller.team() : Optional.empty();
  }

  /** A decision only the supervisors of this team make: anyone else is refused with this reason. */
  public void requireSupervisorOf(String team, String refusal) {
    if (!supervises(team)) {
      throw new AccessRefused(refusal);
    }
  }

  /** Refuses break-glass to anyone who does not work on cases ({@link #mayBreakGlass()}). */
  public void requireMayBreakGlass() {
    if (!mayBreakGlass()) {
      throw new AccessRefused("break-glass is for caseworkers and supervisors");
    }
  }
}
