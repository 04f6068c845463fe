package org.haven.it;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import org.haven.access.boundary.Caller;
import org.haven.access.boundary.Staff;

/**
 * Inside the server: runs work as a demo user, with the identity and team their token would give
 * and their role, after provisioning them as a first sign-in would. Deployed with every
 * in-container test by {@link HavenDeployment#withTest}.
 */
@Dependent
public class ActAs {

  @Inject Caller caller;
  @Inject Staff staff;
  @Inject AsCaseworker caseworker;
  @Inject AsSupervisor supervisor;
  @Inject AsAdmin admin;

  public <T> T as(DemoStaff user, Callable<T> work) throws Exception {
    signIn(user);
    return inRole(user.role, work);
  }

  private <T> T inRole(String role, Callable<T> work) throws Exception {
    return switch (role) {
      case "caseworker" -> caseworker.call(work);
      case "supervisor" -> supervisor.call(work);
      case "admin" -> admin.call(work);
      default -> throw new IllegalArgumentException("no such role: " + role);
    };
  }

  /**
   * Runs work as a staff member made up for one test (a subject of its own, provisioned as a first
   * sign-in would): someone whose per-person counts, such as a limit per hour, no other test
   * touches. The same subject is the same person on every call.
   */
  public <T> T asNewcomer(String subject, String role, String team, Callable<T> work)
      throws Exception {
    String username = role + "." + subject.substring(0, 8);
    caller.identify(subject, username, "Newcomer " + username, List.of(team));
    staff.signedIn(caller, "caseworker".equals(role), "supervisor".equals(role));
    return inRole(role, work);
  }

  /** Provisions the user as their first request would, without doing anything as them. */
  public void signIn(DemoStaff user) {
    caller.identify(user.subject, user.username, user.displayName, user.teams());
    staff.signedIn(caller, "caseworker".equals(user.role), "supervisor".equals(user.role));
  }

  /** No identity and no role, as a request nobody signed. */
  public <T> T anonymously(Callable<T> work) throws Exception {
    caller.identify(null, null, null, List.of());
    return work.call();
  }

  /** Whether a failure was caused, somewhere down its chain, by the given type. */
  public static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
