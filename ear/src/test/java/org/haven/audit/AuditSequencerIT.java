package org.haven.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.control.AuditSequencer;
import org.haven.audit.control.ChainVerifier;
import org.haven.audit.control.Sequencer;
import org.haven.audit.entity.AuditAction;
import org.haven.it.AuditChainTables;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sequencer's lease, inside the server, with candidates of the test's own beside Haven's: one
 * candidate at a time sequences, however they race; one that dies in the middle of a batch is
 * replaced once its lease runs out, and the chain goes on intact.
 */
@ExtendWith(ArquillianExtension.class)
class AuditSequencerIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return HavenDeployment.withTest(AuditSequencerIT.class);
  }

  @Inject AuditTrail audit;
  @Inject AuditSequencer sequencer;
  @Inject AuditChainTables chain;

  @AfterEach
  void haveHavenSequenceAgain() throws Exception {
    chain.releaseLease();
    assertTrue(
        AuditChainTables.within(
            Duration.ofSeconds(5), () -> holder().equals(sequencer.candidate())),
        "Haven's own sequencer takes the lease back");
    sequencer.drain();
    ChainVerifier.Result result = chain.verify();
    assertTrue(result.intact(), result.toString());
  }

  String holder() {
    try {
      String holder = chain.head().holder();
      return holder == null ? "" : holder;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  List<Long> write(int n, String tag) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(
          audit
              .recordApart(AuditTrail.Entry.of(AuditAction.CASES_LISTED, "test", tag + " #" + i))
              .getId());
    }
    return ids;
  }

  long linked(List<Long> ids) throws SQLException {
    return chain.number(
        "select count(*) from audit_chain where event_id in ("
            + ids.stream().map(String::valueOf).collect(Collectors.joining(","))
            + ")");
  }

  @Test
  void aSequencerThatDiesMidBatchIsReplacedAndTheChainGoesOn() throws Exception {
    sequencer.drain();
    Sequencer dying = chain.candidate("dying-node/1", Duration.ofSeconds(2));
    chain.holdLease("dying-node/1", Duration.ofSeconds(2));
    List<Long> ids = write(20, "before the death");

    Sequencer.Batch lost = chain.sequence(dying, false); // linked, then never committed
    assertTrue(lost.leader());
    assertTrue(lost.sequenced() >= ids.size(), lost.toString());
    assertEquals(0, linked(ids), "a batch that did not commit links nothing");

    Instant died = Instant.now();
    assertTrue(
        AuditChainTables.within(
            Duration.ofSeconds(15),
            () -> {
              try {
                return linked(ids) == ids.size();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            }),
        "a standby links what the dead sequencer left");
    assertEquals(sequencer.candidate(), holder());
    System.out.printf(
        "Audit sequencer: taken over %d ms after the holder died (lease 2 s)%n",
        Duration.between(died, Instant.now()).toMillis());
    write(5, "after the take-over");
    sequencer.drain();
    assertTrue(chain.verify().intact(), chain.verify().toString());
  }

  @Test
  void twoCandidatesNeverBothSequence() throws Exception {
    sequencer.drain();
    Sequencer a = chain.candidate("candidate-a", Duration.ofSeconds(30));
    Sequencer b = chain.candidate("candidate-b", Duration.ofSeconds(30));
    chain.holdLease("candidate-a", Duration.ofSeconds(30));

    // Writers and both candidates at work at once: only the holder links anything.
    AtomicInteger aLinked = new AtomicInteger();
    AtomicInteger bLed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<List<Long>>> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int writer = w;
      writers.add(pool.submit(() -> write(100, "writer " + writer)));
    }
    Future<?> runA = pool.submit(() -> run(a, Duration.ofSeconds(2), aLinked, new AtomicInteger()));
    Future<?> runB = pool.submit(() -> run(b, Duration.ofSeconds(2), new AtomicInteger(), bLed));
    List<Long> written = new ArrayList<>();
    for (Future<List<Long>> w : writers) {
      written.addAll(w.get());
    }
    runA.get();
    runB.get();
    chain.sequence(a, true);
    assertEquals(0, bLed.get(), "candidate b never led while a held the lease");
    assertTrue(aLinked.get() >= written.size(), "a linked " + aLinked + " of " + written.size());
    assertEquals(written.size(), linked(written));

    // The lease moves only once given up: to b, or to Haven's own candidate if it asked first.
    chain.release(a);
    boolean bTookIt = chain.sequence(b, true).leader();
    assertTrue(bTookIt || holder().equals(sequencer.candidate()), "holder now: " + holder());
    assertFalse(chain.sequence(a, true).leader(), "and a waits for it now");

    // A race for a free lease: whoever wins, never both.
    for (int round = 0; round < 5; round++) {
      chain.holdLease("referee", Duration.ofMillis(200));
      CountDownLatch go = new CountDownLatch(1);
      AtomicInteger aLeads = new AtomicInteger();
      AtomicInteger bLeads = new AtomicInteger();
      Future<?> raceA =
          pool.submit(
              () -> {
                go.await();
                return run(a, Duration.ofMillis(600), new AtomicInteger(), aLeads);
              });
      Future<?> raceB =
          pool.submit(
              () -> {
                go.await();
                return run(b, Duration.ofMillis(600), new AtomicInteger(), bLeads);
              });
      go.countDown();
      raceA.get();
      raceB.get();
      assertFalse(
          aLeads.get() > 0 && bLeads.get() > 0,
          "round " + round + ": a led " + aLeads + " times, b " + bLeads + " times");
      chain.releaseLease();
    }
    pool.shutdown();
  }

  /** A candidate's turns for a while: what it linked, how often it held the lease. */
  Void run(Sequencer candidate, Duration during, AtomicInteger linked, AtomicInteger led)
      throws Exception {
    Instant until = Instant.now().plus(during);
    while (Instant.now().isBefore(until)) {
      Sequencer.Batch batch = chain.sequence(candidate, true);
      linked.addAndGet(batch.sequenced());
      if (batch.leader()) {
        led.incrementAndGet();
      }
    }
    return null;
  }
}
