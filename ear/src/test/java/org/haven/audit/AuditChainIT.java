package org.haven.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.control.AuditSequencer;
import org.haven.audit.control.ChainVerifier;
import org.haven.audit.control.Checkpoints;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent;
import org.haven.it.AuditChainTables;
import org.haven.it.HavenDeployment;
import org.haven.it.InOneTransaction;
import org.haven.it.RolledBack;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trail itself, inside the server: writers in many transactions leave one intact, gap-free
 * chain once sequenced; a rolled-back change leaves no event; every kind of tampering done directly
 * in SQL (an event or a link edited, deleted, reordered or forged, sequenced or not, events cut
 * after a checkpoint) is reported by the verifier, as far as the documented window allows. Each
 * tampering is undone afterwards, so the chain ends intact. On PostgreSQL, the database itself
 * refuses changes to events and links.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return HavenDeployment.withTest(AuditChainIT.class);
  }

  @Inject AuditTrail audit;
  @Inject RolledBack rolledBack;
  @Inject InOneTransaction inOneTransaction;
  @Inject Checkpoints checkpoints;
  @Inject AuditSequencer sequencer;
  @Inject AuditChainTables chain;

  static AuditTrail.Entry entry(String tag) {
    return AuditTrail.Entry.of(AuditAction.CASES_LISTED, "test", tag);
  }

  @Test
  void concurrentWritersLeaveOneIntactGapFreeChain() throws Exception {
    long before = chain.number("select count(*) from audit_event");
    int threads = 8;
    int each = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < each; i++) {
                  audit.recordApart(entry("writer " + thread + " #" + i));
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    long elapsed = System.nanoTime() - started;
    pool.shutdown();
    assertEquals(before + threads * each, chain.number("select count(*) from audit_event"));

    sequencer.drain();
    assertEquals(0, chain.pending(), "every committed event is linked");
    assertEquals(
        chain.number("select count(*) from audit_event"),
        chain.number("select count(*) from audit_chain"),
        "one link per event");
    assertEquals(
        chain.number("select count(*) from audit_chain"),
        chain.number("select max(seq) from audit_chain"),
        "positions 1 to N, no gap");
    ChainVerifier.Result result = chain.verify();
    assertTrue(result.intact(), result.toString());
    assertEquals(chain.head().position(), chain.number("select count(*) from audit_chain"));
    assertEquals(
        chain.number(
            "select event_id from audit_chain where seq = (select max(seq) from audit_chain)"),
        result.verifiedThrough());

    long single = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      audit.recordApart(entry("alone #" + i));
    }
    long singleElapsed = System.nanoTime() - single;
    inOneTransaction.record(entry("warm-up"), 50);
    long within = System.nanoTime();
    inOneTransaction.record(entry("within a change"), 500);
    long withinElapsed = System.nanoTime() - within;
    long linking = System.nanoTime();
    sequencer.drain();
    long linkingElapsed = System.nanoTime() - linking;
    assertTrue(chain.verify().intact());
    System.out.printf(
        "Audit trail: %d events by %d writers in %d ms (%.0f events/s); one writer: %.2f ms per"
            + " event in its own transaction, %.3f ms per event within a transaction; the"
            + " sequencer linked 950 events in %d ms%n",
        threads * each,
        threads,
        elapsed / 1_000_000,
        threads * each / (elapsed / 1e9),
        singleElapsed / 1e6 / 200,
        withinElapsed / 1e6 / 500,
        linkingElapsed / 1_000_000);
  }

  @Test
  void committedEventsAreLinkedPromptly() throws Exception {
    AuditEvent event = audit.recordApart(entry("linked soon"));
    long committed = System.nanoTime();
    assertTrue(
        AuditChainTables.within(
            Duration.ofSeconds(2),
            () -> {
              try {
                return chain.number(
                        "select count(*) from audit_chain where event_id = " + event.getId())
                    == 1;
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            }),
        "event " + event.getId() + " was not linked within 2 s");
    System.out.printf(
        "Audit trail: an event was linked %d ms after its commit%n",
        (System.nanoTime() - committed) / 1_000_000);
  }

  @Test
  void aRolledBackChangeLeavesNoEvent() throws Exception {
    String tag = "rolled back " + System.nanoTime();
    long pendingBefore = chain.number("select count(*) from audit_event");
    assertThrows(Exception.class, () -> rolledBack.recordThenFail(entry(tag)));
    assertEquals(
        0, chain.number("select count(*) from audit_event where object_id = '" + tag + "'"));
    assertEquals(pendingBefore, chain.number("select count(*) from audit_event"));
    audit.recordApart(entry("after the rollback"));
    sequencer.drain();
    ChainVerifier.Result result = chain.verify();
    assertTrue(
        result.intact(), "an id the rollback took back leaves no gap in the chain: " + result);
  }

  @Test
  void tamperingInSqlIsReported() throws Exception {
    sequencer.drain();
    // Haven's sequencer stands aside while the test edits the tables.
    chain.holdLease("tamper-test", Duration.ofMinutes(10));
    boolean backedUp = false;
    try {
      List<Long> linked = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        linked.add(audit.recordApart(entry("to tamper with #" + i)).getId());
      }
      chain.sequence(chain.candidate("tamper-test", Duration.ofMinutes(10)), true);
      long waiting = audit.recordApart(entry("not yet linked")).getId();
      chain.backup();
      backedUp = true;
      assertTrue(chain.verify().intact(), "intact to start with: " + chain.verify());
      chain.asOwner(true);
      long a = linked.get(1);
      long b = linked.get(2);
      long c = linked.get(3);

      broken("update audit_event set details = 'edited' where id = " + a, a, "altered");
      broken("delete from audit_event where id = " + b, b, "missing");
      broken(
          "update audit_event set object_id = case when id = "
              + b
              + " then 'to tamper with #3' else 'to tamper with #2' end where id in ("
              + b
              + ", "
              + c
              + ")",
          b,
          "altered");
      broken("update audit_chain set event_id = -1 where event_id = " + b, -1, "missing");
      // Two events swap places in the chain.
      broken(
          c,
          "altered or forged",
          "update audit_chain set event_id = -1 where event_id = " + b,
          "update audit_chain set event_id = " + b + " where event_id = " + c,
          "update audit_chain set event_id = " + c + " where event_id = -1");
      broken("delete from audit_chain where event_id = " + b, c, "missing");
      broken(
          "insert into audit_event (id, occurred_at, action, outcome, mac)"
              + " select max(id) + 1, current_timestamp, 'SIGN_IN', 'SUCCESS', '"
              + "ab".repeat(32)
              + "' from audit_event",
          chain.lastId() + 1,
          "forged");
      broken(
          "update audit_event set details = 'edited while waiting' where id = " + waiting,
          waiting,
          "altered");
      broken(
          "update audit_chain set hash = '" + "cd".repeat(32) + "' where event_id = " + a,
          a,
          "altered or forged");

      // An event deleted before it was linked, its queue entry left: the sequencer links the gap.
      chain.execute("delete from audit_event where id = " + waiting);
      chain.sequence(chain.candidate("tamper-test", Duration.ofMinutes(10)), true);
      ChainVerifier.Result gone = chain.verify();
      assertFalse(gone.intact());
      assertEquals(waiting, gone.firstBrokenEvent(), gone.toString());
      assertTrue(gone.reason().contains("missing"), gone.reason());
      chain.restore();

      // An event whose queue entry was removed is never linked: reported once overdue.
      chain.execute("delete from audit_pending where event_id = " + waiting);
      assertTrue(chain.verify().intact(), "not overdue yet");
      ChainVerifier.Result overdue = chain.verifyAt(Instant.now().plus(Duration.ofHours(1)));
      assertFalse(overdue.intact());
      assertEquals(waiting, overdue.firstBrokenEvent(), overdue.toString());
      assertTrue(overdue.reason().contains("never linked"), overdue.reason());
      chain.restore();

      // The documented window: an event and its queue entry deleted before it was linked.
      chain.execute("delete from audit_pending where event_id = " + waiting);
      chain.execute("delete from audit_event where id = " + waiting);
      assertTrue(chain.verify().intact(), "the window the documentation names");
      chain.restore();

      // Truncation: links cut from the end after a signed checkpoint.
      checkpoints.writeIfAdvanced();
      chain.execute(
          "delete from audit_chain where event_id in ("
              + b
              + ", "
              + c
              + ", "
              + linked.get(4)
              + ")");
      ChainVerifier.Result truncated = chain.verify();
      assertFalse(truncated.intact());
      assertEquals(linked.get(4), truncated.firstBrokenEvent(), truncated.toString());
      assertTrue(truncated.reason().contains("checkpoint"), truncated.reason());
    } finally {
      if (backedUp) {
        chain.restore();
        chain.asOwner(false);
        chain.dropBackup();
      }
      chain.releaseLease();
    }
    sequencer.drain();
    assertTrue(chain.verify().intact(), "restored: " + chain.verify());
  }

  void broken(String tampering, long expectedAt, String why) throws Exception {
    broken(expectedAt, why, tampering);
  }

  void broken(long expectedAt, String why, String... tampering) throws Exception {
    for (String sql : tampering) {
      chain.execute(sql);
    }
    ChainVerifier.Result result = chain.verify();
    String what = String.join("; ", tampering);
    assertFalse(result.intact(), what);
    assertEquals(expectedAt, result.firstBrokenEvent(), what + ": " + result);
    assertTrue(result.reason().contains(why), result.reason());
    chain.restore();
  }

  @Test
  void onPostgresqlTheDatabaseRefusesChangesToEventsAndLinks() throws Exception {
    if (!chain.postgres()) {
      return; // the embedded H2 has no such protection (docs/security/audit-trail.md)
    }
    for (String table : List.of("audit_event", "audit_chain")) {
      assertEquals(
          1,
          chain.number(
              "select count(*) where has_table_privilege(current_user, '"
                  + table
                  + "', 'INSERT') and has_table_privilege(current_user, '"
                  + table
                  + "', 'SELECT') and not has_table_privilege(current_user, '"
                  + table
                  + "', 'UPDATE') and not has_table_privilege(current_user, '"
                  + table
                  + "', 'DELETE') and not has_table_privilege(current_user, '"
                  + table
                  + "', 'TRUNCATE')"),
          table + ": insert and select only");
      assertEquals(
          2,
          chain.number(
              "select count(*) from pg_trigger where tgrelid = '"
                  + table
                  + "'::regclass and not tgisinternal and tgenabled <> 'D'"),
          table + ": update/delete and truncate triggers");
      String column = table.equals("audit_event") ? "details" : "hash";
      assertThrows(
          SQLException.class,
          () -> chain.execute("update " + table + " set " + column + " = " + column));
      assertThrows(SQLException.class, () -> chain.execute("delete from " + table));
      assertThrows(SQLException.class, () -> chain.execute("truncate " + table));
    }
    assertNotNull(chain.head());
  }
}
