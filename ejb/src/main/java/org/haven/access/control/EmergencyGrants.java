package org.haven.access.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.haven.database.control.AfterTransaction;

/**
 * The cases each caller holds a break-glass opening of, read at most every {@link #TTL} per caller
 * instead of at every request, and given to the case queries as ids: a condition of their own (an
 * OR with a subquery would make the database read all of a caseworker's assignments for every
 * page). An opening expires on time whatever was read; a new one is seen at once on the server that
 * granted it ({@link #changed}), on other servers within {@link #TTL}.
 */
@ApplicationScoped
public class EmergencyGrants {

  public static final Duration TTL = Duration.ofSeconds(2);

  private record Grant(long caseId, Instant expiresAt) {}

  private record Read(List<Grant> grants, Instant at) {}

  private final Map<String, Read> read = new ConcurrentHashMap<>();

  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry transactions;

  /** The cases the caller may read by break-glass now. */
  public Set<Long> of(String subject, Instant now) {
    Read last = read.get(subject);
    if (last == null || last.at().isBefore(now.minus(TTL))) {
      last = new Read(load(subject, now), now);
      if (read.size() > 100_000) {
        read.clear();
      }
      read.put(subject, last);
    }
    return last.grants().stream()
        .filter(g -> g.expiresAt().isAfter(now))
        .map(Grant::caseId)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** A caller was granted an opening: read theirs again once the grant has committed. */
  public void changed(String subject) {
    read.remove(subject);
    if (transactions.getTransactionKey() != null) {
      AfterTransaction.onEnd(transactions, status -> read.remove(subject));
    }
  }

  private List<Grant> load(String subject, Instant now) {
    return em.createQuery(
            "select b.survivorCase.id, b.expiresAt from BreakGlassAccess b"
                + " where b.staff.subject = :subject and b.expiresAt > :now",
            Object[].class)
        .setParameter("subject", subject)
        .setParameter("now", now)
        .getResultStream()
        .map(row -> new Grant((Long) row[0], (Instant) row[1]))
        .toList();
  }
}
