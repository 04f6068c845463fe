package org.haven.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.audit.entity.AuditEvent;
import org.haven.crypto.boundary.FieldCrypto;
import org.haven.database.boundary.DatabaseMigrations;

/**
 * This server's candidate for the audit chain's sequencer: every {@code
 * HAVEN_AUDIT_SEQUENCER_MILLIS} it links what committed since, batch by batch, each batch in a
 * transaction of its own, and then lets {@link Checkpoints} sign the head when it is due. Every
 * server sharing the database runs one; the lease in {@code audit_chain_head} lets exactly one of
 * them work at a time, and a standby takes over {@code HAVEN_AUDIT_SEQUENCER_LEASE_SECONDS} after
 * the holder stopped renewing (at once when it shut down cleanly).
 */
@Singleton
@Startup
@DependsOn({"FieldCrypto", "Checkpoints"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
@PermitAll
public class AuditSequencer {

  private static final Logger LOG = Logger.getLogger(AuditSequencer.class.getName());
  static final int BATCH = 1000;

  @Resource(lookup = DatabaseMigrations.DATASOURCE)
  DataSource dataSource;

  @Resource UserTransaction transaction;
  @Resource TimerService timers;
  @Inject FieldCrypto crypto;
  @Inject Checkpoints checkpoints;

  @Inject
  @ConfigProperty(name = "haven.audit.sequencer.millis", defaultValue = "200")
  long intervalMillis;

  @Inject
  @ConfigProperty(name = "haven.audit.sequencer.lease.seconds", defaultValue = "10")
  long leaseSeconds;

  private Sequencer sequencer;
  private final ReentrantLock running = new ReentrantLock();
  private volatile boolean failing;

  @PostConstruct
  void start() {
    String node = System.getProperty("jboss.node.name", "haven");
    sequencer =
        new Sequencer(
            node + "/" + UUID.randomUUID().toString().substring(0, 8),
            Duration.ofSeconds(Math.max(1, leaseSeconds)),
            BATCH,
            // An epoch with no key can only be an edit: linked under the current key, the
            // verifier then names the event (it makes no key for an epoch nobody had).
            epoch ->
                crypto
                    .existingKeyedHash(AuditEvent.CHAIN_KEY, epoch)
                    .orElseGet(
                        () -> crypto.keyedHash(AuditEvent.CHAIN_KEY, crypto.currentEpoch())));
    long millis = Math.max(10, intervalMillis);
    timers.createIntervalTimer(millis, millis, new TimerConfig(null, false));
    LOG.info(
        "Audit sequencer candidate "
            + sequencer.candidate()
            + ": links committed events every "
            + millis
            + " ms while it holds the lease");
  }

  /** This server's name as a candidate: {@code <node>/<random>}, new at each start. */
  public String candidate() {
    return sequencer.candidate();
  }

  @Timeout
  void tick() {
    if (!running.tryLock()) {
      return; // the last turn is still at work
    }
    try {
      if (drain().leader()) {
        checkpoints.periodically();
      }
      if (failing) {
        LOG.info("Audit sequencer works again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "The audit sequencer failed; it tries again at its next turn", e);
        failing = true;
      }
    } finally {
      running.unlock();
    }
  }

  /**
   * Links everything committed so far, if this server holds the lease: batch after batch until one
   * is not full. Also the way for a verification to cover what was written just before it.
   */
  public Sequencer.Batch drain() {
    Sequencer.Batch batch;
    do {
      batch = inTransaction(db -> sequencer.sequence(db, Instant.now()));
    } while (batch.leader() && batch.sequenced() == sequencer.batchSize());
    return batch;
  }

  /** The last links, a last checkpoint and the lease given up, so a standby need not wait. */
  @PreDestroy
  void stop() {
    running.lock();
    try {
      if (drain().leader()) {
        checkpoints.writeIfAdvanced();
        inTransaction(
            db -> {
              sequencer.release(db);
              return null;
            });
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The audit sequencer could not finish cleanly", e);
    } finally {
      running.unlock();
    }
  }

  interface Work<T> {
    T on(Connection db) throws Exception;
  }

  private <T> T inTransaction(Work<T> work) {
    try {
      transaction.begin();
      T result;
      try (Connection db = dataSource.getConnection()) {
        result = work.on(db);
      } catch (Exception | Error e) {
        transaction.rollback();
        throw e;
      }
      transaction.commit();
      return result;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("audit sequencer: " + e.getMessage(), e);
    }
  }
}
