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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.haven.crypto.boundary.KeyEncryptionKeys;
import org.haven.problems.Conflict;

/**
 * Rotates the key-encryption key while Haven runs: a new primary key first (new data keys use it at
 * once), then every stored key is rewrapped in small batches in the background, then the older keys
 * are disabled. Progress is readable at any time. A rotation cut short by a restart resumes at the
 * next start, since the keys still to do are simply those not wrapped by the primary.
 */
@Singleton
@Startup
@DependsOn("KeyEncryptionKeys")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class KeyRotationJob {

  private static final Logger LOG = Logger.getLogger(KeyRotationJob.class.getName());
  static final int BATCH = 100;

  /** Where a rotation stands, for the admin page and {@code GET /api/v1/admin/keys}. */
  public enum State {
    IDLE,
    RUNNING,
    DONE,
    FAILED
  }

  /** A snapshot of the rotation's progress. */
  public record Progress(
      State state,
      String newKeyId,
      long total,
      long rewrapped,
      long remaining,
      Instant startedAt,
      Instant finishedAt,
      String error) {}

  @Inject KeyEncryptionKeys crypto;
  @Inject Rewrapping rewrapping;
  @Inject AuditTrail audit;
  @Resource TimerService timers;

  private volatile Progress progress = new Progress(State.IDLE, null, 0, 0, 0, null, null, null);

  @PostConstruct
  void resumeUnfinished() {
    long remaining = rewrapping.remaining(crypto.primaryKeyId());
    if (remaining > 0) {
      LOG.info("Key rotation: " + remaining + " keys still wrapped by an older key; resuming");
      begin(remaining);
    }
  }

  /** Starts a rotation; refused while one runs or when Haven cannot store a new key. */
  public synchronized Progress start() {
    if (progress.state() == State.RUNNING) {
      throw new Conflict(
          "A key rotation is already running ("
              + progress.rewrapped()
              + " of "
              + progress.total()
              + " keys rewrapped); wait for it to finish.");
    }
    if (!crypto.canRotate()) {
      throw new Conflict(
          "The key-encryption key comes from the environment variable HAVEN_KEK, which Haven"
              + " cannot change. Rotate it with KeyTool (docs/operations/keys.md) and restart Haven;"
              + " it rewraps its keys at start.");
    }
    long unfinished = rewrapping.remaining(crypto.primaryKeyId());
    if (unfinished == 0) {
      crypto.addPrimaryKey();
    }
    // Otherwise an earlier rotation stopped half-way: finish it rather than add another key.
    begin(rewrapping.remaining(crypto.primaryKeyId()));
    return progress;
  }

  public Progress progress() {
    return progress;
  }

  private void begin(long total) {
    progress =
        new Progress(
            State.RUNNING,
            Integer.toUnsignedString(crypto.primaryKeyId()),
            total,
            0,
            total,
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            null,
            null);
    timers.createSingleActionTimer(1, new TimerConfig(null, false));
  }

  /** The background part; no transaction of its own, each batch has one. */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void run() {
    int primary = crypto.primaryKeyId();
    try {
      rewrapAll(primary);
      // A request that took the older key just before the switch may commit its data key now.
      crypto.awaitWrapsWithOlderKeys(Duration.ofMinutes(1));
      rewrapAll(primary);
      if (crypto.canRotate()) {
        crypto.retireOlderKeys();
      }
      Progress p = progress;
      progress =
          new Progress(
              State.DONE,
              p.newKeyId(),
              p.total(),
              p.rewrapped(),
              0,
              p.startedAt(),
              Instant.now().truncatedTo(ChronoUnit.MILLIS),
              null);
      LOG.info("Key rotation: done, " + p.rewrapped() + " keys rewrapped");
      audit.recordApart(
          AuditTrail.Entry.of(AuditAction.KEY_ROTATION_FINISHED, "key", p.newKeyId())
              .details("keys rewrapped: " + p.rewrapped() + "; older keys disabled"));
    } catch (RuntimeException | InterruptedException e) {
      LOG.log(Level.SEVERE, "Key rotation failed; start it again to resume", e);
      Progress p = progress;
      audit.recordApart(
          AuditTrail.Entry.of(AuditAction.KEY_ROTATION_FINISHED, "key", p.newKeyId())
              .outcome(Outcome.FAILED)
              .details("keys rewrapped: " + p.rewrapped()));
      progress =
          new Progress(
              State.FAILED,
              p.newKeyId(),
              p.total(),
              p.rewrapped(),
              rewrapping.remaining(primary),
              p.startedAt(),
              Instant.now().truncatedTo(ChronoUnit.MILLIS),
              "the rotation stopped after "
                  + p.rewrapped()
                  + " keys; see the server log, then start it again to finish");
    }
  }

  private void rewrapAll(int primary) {
    int failures = 0;
    while (true) {
      int done;
      try {
        done = rewrapping.rewrapBatch(primary, BATCH);
      } catch (RuntimeException e) {
        // A batch can collide with an erasure or a lock timeout: retry it a few times.
        if (++failures > 3) {
          throw e;
        }
        continue;
      }
      if (done == 0) {
        return;
      }
      Progress p = progress;
      long rewrapped = p.rewrapped() + done;
      progress =
          new Progress(
              State.RUNNING,
              p.newKeyId(),
              Math.max(p.total(), rewrapped),
              rewrapped,
              Math.max(0, p.total() - rewrapped),
              p.startedAt(),
              null,
              null);
    }
  }
}
