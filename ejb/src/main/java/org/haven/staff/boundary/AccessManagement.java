package org.haven.staff.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.Staff;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;
import org.haven.staff.control.KeycloakAdmin;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Administrators decide who may use Haven, in which role and team: through Keycloak's Admin REST
 * API, so that Keycloak stays the one source of identity and new tokens reflect a change at once.
 * Disabling also takes effect in Haven at once, before tokens already issued expire. Nobody changes
 * their own access, administrators never also hold a case role, and every change is shown to the
 * supervisors of the team concerned.
 */
@Stateless
@RolesAllowed(AccessPolicy.ADMIN)
public class AccessManagement {

  public static final List<String> ROLES =
      List.of(AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR, AccessPolicy.ADMIN);
  private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";
  private static final int MAX_USERS = 1000;

  @Inject KeycloakAdmin keycloak;
  @Inject Staff staff;
  @Inject AuditTrail audit;
  @Inject AccessPolicy access;
  @Inject Event<AccessChanged> changed;

  /** Haven's users by user name, service accounts left out. */
  public List<StaffAccount> users() {
    RealmResource realm = keycloak.realm();
    return realm.users().list(0, MAX_USERS).stream()
        .filter(u -> !u.getUsername().startsWith(SERVICE_ACCOUNT_PREFIX))
        .map(u -> account(realm, u))
        .sorted(java.util.Comparator.comparing(StaffAccount::username))
        .toList();
  }

  public Optional<StaffAccount> user(String username) {
    RealmResource realm = keycloak.realm();
    return find(realm, username).map(u -> account(realm, u));
  }

  public Optional<StaffAccount> grantRole(String username, String role) {
    return changeAccess(
        AuditAction.ROLE_GRANTED,
        username,
        "role: " + role,
        "role " + role + " granted",
        (realm, user, before) -> {
          RoleRepresentation granted = role(realm, role);
          keepDutiesApart(username, before.roles(), role);
          user.roles().realmLevel().add(List.of(granted));
          // Another administrator's grant at the same moment, or a role that comes through a
          // group or a composite, passes the check above: look again at what the user now holds.
          List<String> held =
              user.roles().realmLevel().listEffective().stream()
                  .map(RoleRepresentation::getName)
                  .filter(r -> !r.equals(role))
                  .toList();
          try {
            keepDutiesApart(username, held, role);
          } catch (Conflict refused) {
            if (!before.roles().contains(role)) {
              user.roles().realmLevel().remove(List.of(granted));
            }
            throw refused;
          }
        });
  }

  public Optional<StaffAccount> revokeRole(String username, String role) {
    return changeAccess(
        AuditAction.ROLE_REVOKED,
        username,
        "role: " + role,
        "role " + role + " revoked",
        (realm, user, before) -> user.roles().realmLevel().remove(List.of(role(realm, role))));
  }

  /** Moves a user into one team (a Keycloak group), out of any other; null leaves all teams. */
  public Optional<StaffAccount> moveToTeam(String username, String team) {
    String to = team == null ? "none" : team;
    return changeAccess(
        AuditAction.TEAM_CHANGED,
        username,
        "team: " + to,
        "moved to team " + to,
        (realm, user, before) -> {
          GroupRepresentation target = team == null ? null : team(realm, team);
          for (GroupRepresentation current : user.groups()) {
            if (target == null || !current.getId().equals(target.getId())) {
              user.leaveGroup(current.getId());
            }
          }
          if (target != null) {
            user.joinGroup(target.getId());
          }
        });
  }

  public Optional<StaffAccount> setEnabled(String username, boolean enabled) {
    return changeAccess(
        enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
        username,
        null,
        enabled ? "account enabled" : "account disabled",
        (realm, user, before) -> {
          UserRepresentation representation = user.toRepresentation();
          representation.setEnabled(enabled);
          user.update(representation);
          if (!enabled) {
            user.logout(); // ends their Keycloak sessions: no new tokens by refresh either
          }
          staff.bySubject(representation.getId()).ifPresent(member -> member.setDisabled(!enabled));
          staff.accessChanged(representation.getId());
        });
  }

  /**
   * An administrator never also works on cases (docs/security/roles.md): the one who decides who
   * sees survivor data does not see it. Refused before anything changes in Keycloak.
   */
  private void keepDutiesApart(String username, List<String> held, String role) {
    boolean admin = held.contains(AccessPolicy.ADMIN);
    boolean casework =
        held.contains(AccessPolicy.CASEWORKER) || held.contains(AccessPolicy.SUPERVISOR);
    String refusal = null;
    if (AccessPolicy.ADMIN.equals(role) && casework) {
      refusal =
          username
              + " works on cases ("
              + String.join(", ", held.stream().filter(r -> !AccessPolicy.ADMIN.equals(r)).toList())
              + "): an administrator cannot also hold caseworker or supervisor. Revoke those"
              + " roles first, or give the person a separate administrator account.";
    } else if (!AccessPolicy.ADMIN.equals(role) && admin) {
      refusal =
          username
              + " is an administrator, who cannot also hold caseworker or supervisor. Revoke"
              + " admin first, or give the person a separate account for case work.";
    }
    if (refusal != null) {
      // The change rolls back; the attempt stays in the trail.
      audit.recordApart(
          AuditTrail.Entry.of(AuditAction.ROLE_GRANTED, "user", username)
              .outcome(Outcome.DENIED)
              .details("role: " + role + "; refused: admin and case roles are kept apart"));
      throw new Conflict(refusal);
    }
  }

  private interface Change {
    void apply(RealmResource realm, UserResource user, StaffAccount before);
  }

  /**
   * The one way access changes: the user found, the caller not changing themselves, the change in
   * Keycloak, then the trail (for the user, and for each team concerned, where its supervisors read
   * it) and the team's supervisors told. An unknown user is audited as such.
   */
  private Optional<StaffAccount> changeAccess(
      AuditAction action, String username, String details, String change, Change apply) {
    RealmResource realm = keycloak.realm();
    Optional<UserRepresentation> found = find(realm, username);
    if (found.isEmpty()) {
      audit.record(
          AuditTrail.Entry.of(action, "user", username)
              .outcome(Outcome.NOT_FOUND)
              .details(details));
      return Optional.empty();
    }
    UserRepresentation user = found.get();
    access.requireNotSelf(user.getId(), "nobody changes their own roles, team or enabled state");
    StaffAccount before = account(realm, user);
    UserResource resource = realm.users().get(user.getId());
    apply.apply(realm, resource, before);
    // Keycloak does not roll back with Haven's transaction: the change is in the trail whatever
    // happens after it in this request.
    audit.recordApart(AuditTrail.Entry.of(action, "user", username).details(details));
    StaffAccount after = account(realm, resource.toRepresentation());
    Set<String> teams = new LinkedHashSet<>();
    Optional.ofNullable(before.team()).ifPresent(teams::add);
    Optional.ofNullable(after.team()).ifPresent(teams::add);
    for (String team : teams) {
      audit.recordApart(
          AuditTrail.Entry.of(action, "team", team)
              .details("user: " + username + (details == null ? "" : "; " + details)));
    }
    changed.fire(new AccessChanged(username, change, List.copyOf(teams)));
    return Optional.of(after);
  }

  /** The teams an administrator can move users into. */
  public List<String> teams() {
    return keycloak.realm().groups().groups().stream()
        .map(GroupRepresentation::getName)
        .sorted()
        .toList();
  }

  private static Optional<UserRepresentation> find(RealmResource realm, String username) {
    if (username == null || username.startsWith(SERVICE_ACCOUNT_PREFIX)) {
      return Optional.empty();
    }
    return realm.users().searchByUsername(username, true).stream().findFirst();
  }

  private static StaffAccount account(RealmResource realm, UserRepresentation user) {
    UserResource resource = realm.users().get(user.getId());
    Set<String> granted =
        resource.roles().realmLevel().listAll().stream()
            .map(RoleRepresentation::getName)
            .collect(java.util.stream.Collectors.toSet());
    String name =
        String.join(
                " ",
                Optional.ofNullable(user.getFirstName()).orElse(""),
                Optional.ofNullable(user.getLastName()).orElse(""))
            .trim();
    return new StaffAccount(
        user.getUsername(),
        name.isEmpty() ? user.getUsername() : name,
        Boolean.TRUE.equals(user.isEnabled()),
        ROLES.stream().filter(granted::contains).toList(),
        resource.groups().stream().map(GroupRepresentation::getName).findFirst().orElse(null));
  }

  private static RoleRepresentation role(RealmResource realm, String role) {
    if (!ROLES.contains(role)) {
      throw new InvalidField("role", "must be one of " + String.join(", ", ROLES));
    }
    return realm.roles().get(role).toRepresentation();
  }

  private static GroupRepresentation team(RealmResource realm, String team) {
    return realm.groups().groups().stream()
        .filter(g -> g.getName().equals(team))
        .findFirst()
        .orElseThrow(() -> new InvalidField("team", "no such team: " + team));
  }
}
