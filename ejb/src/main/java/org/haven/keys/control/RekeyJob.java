package org.haven.keys.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.haven.crypto.boundary.FieldCrypto;
import org.haven.crypto.control.KeyEpochs;
import org.haven.problems.Conflict;

/**
 * Re-keys Haven while it runs, for when a key may have leaked (docs/operations/keys.md): a new key
 * epoch first (from then on new data keys, index entries and audit events use its keys), then every
 * survivor's data key is replaced in small batches in the background, everything it sealed sealed
 * again and their blind indexes recomputed, then the earlier index keys are destroyed. The audit
 * trail's earlier events keep their keys and stay verifiable. A re-key cut short by a restart
 * resumes at the next start: the survivors still to do are those whose key is older.
 */
@Singleton
@Startup
@DependsOn({"FieldCrypto", "KeyEpochs"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class RekeyJob {

  private static final Logger LOG = Logger.getLogger(RekeyJob.class.getName());
  static final int BATCH = 20;

  /** Where the re-key stands, for the keys page and {@code GET /api/v1/admin/keys}. */
  public enum RekeyState {
    IDLE,
    RUNNING,
    DONE,
    FAILED
  }

  /** A snapshot of the re-key's progress: survivors re-keyed, of how many. */
  public record RekeyProgress(
      RekeyState state,
      int epoch,
      long total,
      long rekeyed,
      long remaining,
      Instant startedAt,
      Instant finishedAt,
      String error) {}

  @Inject FieldCrypto crypto;
  @Inject KeyEpochs epochs;
  @Inject Rekeying rekeying;
  @Inject AuditTrail audit;
  @Resource TimerService timers;

  private volatile RekeyProgress progress =
      new RekeyProgress(RekeyState.IDLE, 0, 0, 0, 0, null, null, null);

  @PostConstruct
  void resumeUnfinished() {
    epochs
        .latest()
        .ifPresent(
            last -> {
              if (last.getState() == org.haven.crypto.entity.KeyEpoch.State.RUNNING) {
                LOG.info("Re-key: epoch " + last.getEpoch() + " did not finish; resuming");
                begin(last.getEpoch(), last.getStartedAt());
              } else {
                progress =
                    new RekeyProgress(
                        RekeyState.DONE,
                        last.getEpoch(),
                        0,
                        0,
                        0,
                        last.getStartedAt(),
                        last.getFinishedAt(),
                        null);
              }
            });
  }

  /**
   * Starts a re-key; refused while one runs. {@code startedBy}: the administrator's name. In a
   * transaction of its own: the epoch is committed at once, and so must the timer that works it.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public synchronized RekeyProgress start(String startedBy) {
    if (progress.state() == RekeyState.RUNNING) {
      throw new Conflict(
          "A re-key is already running ("
              + progress.rekeyed()
              + " of "
              + progress.total()
              + " survivors done); wait for it to finish.");
    }
    int epoch;
    try {
      epoch = crypto.rekeying() ? crypto.currentEpoch() : epochs.begin(startedBy);
    } catch (IllegalStateException anotherServerStartedOne) {
      throw new Conflict("A re-key is already running; wait for it to finish.");
    }
    begin(epoch, Instant.now());
    return progress;
  }

  public RekeyProgress progress() {
    return progress;
  }

  private void begin(int epoch, Instant startedAt) {
    long total = rekeying.remaining(epoch);
    progress =
        new RekeyProgress(
            RekeyState.RUNNING,
            epoch,
            total,
            0,
            total,
            startedAt.truncatedTo(ChronoUnit.MILLIS),
            null,
            null);
    timers.createSingleActionTimer(1, new TimerConfig(null, false));
  }

  /** The background part; no transaction of its own, each batch has one. */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void run() {
    int epoch = progress.epoch();
    try {
      Set<String> failed = new TreeSet<>();
      rekeyAll(epoch, failed);
      // A registration that made its key just before the epoch began may commit it only now.
      epochs.awaitKeysBefore(epoch, Duration.ofMinutes(1));
      failed.clear();
      rekeyAll(epoch, failed);
      if (!failed.isEmpty()) {
        // The earlier index keys stay, so that every case is still found; start again to retry.
        throw new IllegalStateException(
            failed.size()
                + " survivors could not be re-keyed ("
                + String.join(", ", failed.stream().limit(10).toList())
                + (failed.size() > 10 ? ", …" : "")
                + "); see the server log");
      }
      long left = rekeying.remaining(epoch);
      if (left > 0) {
        throw new IllegalStateException(left + " survivors' keys are still of an earlier epoch");
      }
      crypto.finishEpoch(epoch);
      RekeyProgress p = progress;
      progress =
          new RekeyProgress(
              RekeyState.DONE,
              epoch,
              p.total(),
              p.rekeyed(),
              0,
              p.startedAt(),
              Instant.now().truncatedTo(ChronoUnit.MILLIS),
              null);
      LOG.info("Re-key: epoch " + epoch + " done, " + p.rekeyed() + " survivors re-keyed");
      audit.recordApart(
          AuditTrail.Entry.of(AuditAction.REKEY_FINISHED, "key", "epoch " + epoch)
              .details(
                  "survivors re-keyed: "
                      + p.rekeyed()
                      + "; earlier index keys destroyed; audit events from now on under the"
                      + " epoch's chain key"));
    } catch (RuntimeException | InterruptedException e) {
      LOG.log(Level.SEVERE, "Re-key failed; start it again to resume", e);
      RekeyProgress p = progress;
      audit.recordApart(
          AuditTrail.Entry.of(AuditAction.REKEY_FINISHED, "key", "epoch " + epoch)
              .outcome(Outcome.FAILED)
              .details("survivors re-keyed: " + p.rekeyed()));
      progress =
          new RekeyProgress(
              RekeyState.FAILED,
              epoch,
              p.total(),
              p.rekeyed(),
              rekeying.remaining(epoch),
              p.startedAt(),
              Instant.now().truncatedTo(ChronoUnit.MILLIS),
              "the re-key stopped after "
                  + p.rekeyed()
                  + " survivors: "
                  + e.getMessage()
                  + ". Start it again to finish.");
    }
  }

  /**
   * One pass over the survivors still to do. A batch that fails (a lock timeout, a value that no
   * longer opens) is done again one survivor at a time, so one bad case stops only itself: those
   * are named in {@code failed} (case numbers only) and the pass goes on.
   */
  private void rekeyAll(int epoch, Set<String> failed) {
    String after = "";
    while (true) {
      List<String> batch = rekeying.next(epoch, after, BATCH);
      if (batch.isEmpty()) {
        return;
      }
      after = batch.get(batch.size() - 1);
      int done;
      try {
        done = rekeying.rekey(batch);
      } catch (RuntimeException batchFailed) {
        done = 0;
        for (String owner : batch) {
          try {
            done += rekeying.rekey(List.of(owner));
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Re-key: " + owner + " could not be re-keyed", e);
            failed.add(owner.substring(owner.indexOf(':') + 1));
          }
        }
      }
      RekeyProgress p = progress;
      long rekeyed = p.rekeyed() + done;
      progress =
          new RekeyProgress(
              RekeyState.RUNNING,
              epoch,
              Math.max(p.total(), rekeyed),
              rekeyed,
              Math.max(0, p.total() - rekeyed),
              p.startedAt(),
              null,
              null);
    }
  }
}
