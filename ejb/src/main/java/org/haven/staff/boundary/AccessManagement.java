package org.haven.staff.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.Staff;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent.Outcome;
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
 * Disabling also takes effect in Haven at once, before tokens already issued expire.
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
    return audited(
        AuditAction.ROLE_GRANTED,
        username,
        "role: " + role,
        change(
            username, (realm, user) -> user.roles().realmLevel().add(List.of(role(realm, role)))));
  }

  public Optional<StaffAccount> revokeRole(String username, String role) {
    return audited(
        AuditAction.ROLE_REVOKED,
        username,
        "role: " + role,
        change(
            username,
            (realm, user) -> user.roles().realmLevel().remove(List.of(role(realm, role)))));
  }

  /** Records an access change (or an attempt on a user who does not exist) in the trail. */
  private Optional<StaffAccount> audited(
      AuditAction action, String username, String details, Optional<StaffAccount> result) {
    audit.record(
        AuditTrail.Entry.of(action, "user", username)
            .outcome(result.isPresent() ? Outcome.SUCCESS : Outcome.NOT_FOUND)
            .details(details));
    return result;
  }

  /** Moves a user into one team (a Keycloak group), out of any other; null leaves all teams. */
  public Optional<StaffAccount> moveToTeam(String username, String team) {
    return audited(
        AuditAction.TEAM_CHANGED,
        username,
        "team: " + (team == null ? "none" : team),
        moveInKeycloak(username, team));
  }

  private Optional<StaffAccount> moveInKeycloak(String username, String team) {
    return change(
        username,
        (realm, user) -> {
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
    return audited(
        enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
        username,
        null,
        enableInKeycloak(username, enabled));
  }

  private Optional<StaffAccount> enableInKeycloak(String username, boolean enabled) {
    return change(
        username,
        (realm, user) -> {
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

  /** The teams an administrator can move users into. */
  public List<String> teams() {
    return keycloak.realm().groups().groups().stream()
        .map(GroupRepresentation::getName)
        .sorted()
        .toList();
  }

  private interface Change {
    void apply(RealmResource realm, UserResource user);
  }

  private Optional<StaffAccount> change(String username, Change change) {
    RealmResource realm = keycloak.realm();
    Optional<UserRepresentation> found = find(realm, username);
    found.ifPresent(u -> change.apply(realm, realm.users().get(u.getId())));
    return found.map(u -> account(realm, realm.users().get(u.getId()).toRepresentation()));
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
