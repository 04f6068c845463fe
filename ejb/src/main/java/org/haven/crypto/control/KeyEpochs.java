package org.haven.crypto.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.haven.crypto.entity.DataKey;
import org.haven.crypto.entity.KeyEpoch;
import org.haven.database.control.AfterTransaction;

/**
 * Which key epoch new keys belong to, and whether a re-key into it still runs (docs/security/
 * encryption.md, "Re-keying"). While one runs, searches also compute each blind index under the
 * previous epoch's key, since the cases not yet re-keyed are indexed under it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class KeyEpochs {

  private static final Logger LOG = Logger.getLogger(KeyEpochs.class.getName());

  /** The owners of blind-index keys in data_key start with this. */
  public static final String INDEX_OWNER = "index:";

  /** The current epoch, and whether its re-key is still under way. */
  public record Snapshot(int current, boolean rekeying) {}

  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry transactions;

  private volatile Snapshot snapshot = new Snapshot(0, false);

  /** Data keys being made in still open transactions, by the epoch they were made in. */
  private final Map<Integer, AtomicInteger> keysInFlight = new ConcurrentHashMap<>();

  @PostConstruct
  void start() {
    latest()
        .ifPresent(
            e -> snapshot = new Snapshot(e.getEpoch(), e.getState() == KeyEpoch.State.RUNNING));
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  public int current() {
    return snapshot.current();
  }

  /**
   * The epoch of a data key being made now, the key counted until its transaction ends, so that a
   * re-key waits for every key of an earlier epoch to be committed (or not) before its last pass.
   */
  public int forNewKey() {
    int epoch;
    AtomicInteger inFlight;
    synchronized (this) {
      epoch = snapshot.current();
      inFlight = keysInFlight.computeIfAbsent(epoch, e -> new AtomicInteger());
      inFlight.incrementAndGet();
    }
    AfterTransaction.onEnd(transactions, status -> inFlight.decrementAndGet());
    return epoch;
  }

  /** Waits until no transaction still makes a data key of an epoch before {@code epoch}. */
  public void awaitKeysBefore(int epoch, Duration patience) throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (keysInFlight.entrySet().stream()
        .anyMatch(e -> e.getKey() < epoch && e.getValue().get() > 0)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("transactions still make data keys of an earlier epoch");
      }
      Thread.sleep(20);
    }
  }

  /** The last epoch started, if any re-key ever was. */
  public Optional<KeyEpoch> latest() {
    return em.createQuery("select e from KeyEpoch e order by e.epoch desc", KeyEpoch.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * Starts an epoch: from its commit on, new data keys, index entries and audit events use keys of
   * it. Refused while the previous one is being re-keyed. Returns the new epoch.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int begin(String startedBy) {
    Optional<KeyEpoch> last = latest();
    if (last.isPresent() && last.get().getState() == KeyEpoch.State.RUNNING) {
      throw new IllegalStateException("key epoch " + last.get().getEpoch() + " is still running");
    }
    int next = last.map(KeyEpoch::getEpoch).orElse(0) + 1;
    em.persist(new KeyEpoch(next, startedBy));
    afterCommit(
        () -> {
          synchronized (this) {
            snapshot = new Snapshot(next, true);
          }
        });
    return next;
  }

  /**
   * Ends an epoch's re-key: the index keys of earlier epochs are destroyed, so an index computed
   * under a leaked key matches nothing any more. Audit chain keys stay: the events sealed with them
   * must stay verifiable. Returns the owners of the destroyed keys.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<String> finish(int epoch) {
    KeyEpoch row = em.find(KeyEpoch.class, epoch, LockModeType.PESSIMISTIC_WRITE);
    if (row == null || row.getState() == KeyEpoch.State.DONE) {
      return List.of();
    }
    List<DataKey> retired =
        em.createQuery(
                "select k from DataKey k where k.owner like :prefix and k.epoch < :epoch",
                DataKey.class)
            .setParameter("prefix", INDEX_OWNER + "%")
            .setParameter("epoch", epoch)
            .getResultList();
    retired.forEach(em::remove);
    row.finish();
    afterCommit(() -> snapshot = new Snapshot(epoch, false));
    LOG.info("Re-key: epoch " + epoch + " done, " + retired.size() + " index keys destroyed");
    return retired.stream().map(DataKey::getOwner).toList();
  }

  private void afterCommit(Runnable action) {
    AfterTransaction.onCommit(transactions, action);
  }
}
