package org.haven.access.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.haven.database.control.AfterTransaction;

/**
 * Staff seen lately, as their token described them and whether they were disabled, so that a
 * request by an unchanged user costs no database round trip. An entry lives {@link #TTL}; a change
 * made through Haven (disabling a user) drops it at once on this server, and other servers follow
 * within {@link #TTL}.
 */
@ApplicationScoped
public class StaffSightings {

  public static final Duration TTL = Duration.ofSeconds(5);

  /** How a user was described, the last time their record was checked. */
  public record Sighting(
      String username,
      String displayName,
      String email,
      String team,
      boolean caseworker,
      boolean supervisor,
      boolean disabled,
      Instant until) {}

  private final Map<String, Sighting> seen = new ConcurrentHashMap<>();
  private final Map<String, Long> ids = new ConcurrentHashMap<>();

  @Resource TransactionSynchronizationRegistry transactions;

  /** Whether the user is disabled, if they were seen lately described exactly so. */
  public Optional<Boolean> disabled(String subject, Sighting described, Instant now) {
    Sighting last = subject == null ? null : seen.get(subject);
    if (last == null || last.until().isBefore(now) || !sameDescription(last, described)) {
      return Optional.empty();
    }
    return Optional.of(last.disabled());
  }

  /** The staff id of a Keycloak subject, once seen (it never changes). */
  public Optional<Long> idOf(String subject) {
    return subject == null ? Optional.empty() : Optional.ofNullable(ids.get(subject));
  }

  public void knownAs(String subject, long staffId) {
    if (ids.size() > 100_000) {
      ids.clear();
    }
    ids.put(subject, staffId);
  }

  public void remember(String subject, Sighting sighting) {
    if (seen.size() > 100_000) {
      seen.clear(); // far more staff than any organisation has: start again rather than grow
    }
    seen.put(subject, sighting);
  }

  /** Forgets a user now and again once the current transaction ends (its change is then seen). */
  public void forget(String subject) {
    seen.remove(subject);
    if (transactions.getTransactionKey() != null) {
      AfterTransaction.onEnd(
          transactions,
          status -> {
            if (status == Status.STATUS_COMMITTED || status == Status.STATUS_ROLLEDBACK) {
              seen.remove(subject);
            }
          });
    }
  }

  private static boolean sameDescription(Sighting a, Sighting b) {
    return a.caseworker() == b.caseworker()
        && a.supervisor() == b.supervisor()
        && java.util.Objects.equals(a.username(), b.username())
        && java.util.Objects.equals(a.displayName(), b.displayName())
        && java.util.Objects.equals(a.email(), b.email())
        && java.util.Objects.equals(a.team(), b.team());
  }
}
