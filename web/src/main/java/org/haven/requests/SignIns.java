package org.haven.requests;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Keycloak sessions API clients have been seen with, so that the first request of each is
 * audited as a sign-in. Bounded: the oldest are forgotten first (a forgotten one that comes back is
 * audited again, which errs on the safe side).
 */
@ApplicationScoped
public class SignIns {

  private static final int REMEMBERED = 10_000;

  private final Map<String, Boolean> seen =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** True the first time a session is seen. */
  public synchronized boolean firstSeen(String session) {
    return seen.put(session, Boolean.TRUE) == null;
  }
}
