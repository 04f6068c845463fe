package org.haven.access.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Set;
import org.haven.access.boundary.AccessPolicy;

/**
 * The roles of the user signed in for this request, as Keycloak's token grants them: the one place
 * the web module asks the container. Pages use it to decide what to show; what a user may do is
 * decided by the boundaries ({@link AccessPolicy}), which refuse whatever a page would offer
 * wrongly.
 */
@Named
@RequestScoped
public class SignedInUser {

  /** Haven's realm roles, in the order a page lists them. */
  public enum Role {
    SUPERVISOR(AccessPolicy.SUPERVISOR),
    CASEWORKER(AccessPolicy.CASEWORKER),
    ADMIN(AccessPolicy.ADMIN);

    private final String name;

    Role(String name) {
      this.name = name;
    }

    public String roleName() {
      return name;
    }
  }

  @Inject HttpServletRequest request;

  private Set<Role> roles;

  /** The user's roles (none when signed out), asked of the container once per request. */
  public Set<Role> roles() {
    if (roles == null) {
      Set<Role> granted = EnumSet.noneOf(Role.class);
      for (Role role : Role.values()) {
        if (request.isUserInRole(role.roleName())) {
          granted.add(role);
        }
      }
      roles = granted;
    }
    return roles;
  }

  public boolean isSupervisor() {
    return roles().contains(Role.SUPERVISOR);
  }

  public boolean isCaseworker() {
    return roles().contains(Role.CASEWORKER);
  }

  public boolean isAdmin() {
    return roles().contains(Role.ADMIN);
  }

  /** Caseworkers and supervisors: the staff who work on survivors' cases. */
  public boolean isWorkingOnCases() {
    return isCaseworker() || isSupervisor();
  }
}
