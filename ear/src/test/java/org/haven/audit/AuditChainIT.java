package org.haven.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.control.ChainVerifier;
import org.haven.audit.control.Checkpoints;
import org.haven.audit.entity.AuditAction;
import org.haven.crypto.boundary.FieldCrypto;
import org.haven.database.boundary.DatabaseMigrations;
import org.haven.it.HavenDeployment;
import org.haven.it.InOneTransaction;
import org.haven.it.RolledBack;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chain itself, inside the server: appends under concurrency stay one intact chain, a rolled
 * back change leaves no event, and every kind of tampering done directly in SQL (update, delete,
 * reorder, forged insert, truncation after a checkpoint) is reported by the verifier. Each
 * tampering is undone afterwards, so the chain ends intact. On PostgreSQL, the database itself
 * refuses changes to audit rows.
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
  @Inject FieldCrypto crypto;
  @Inject Checkpoints checkpoints;

  @Resource(lookup = DatabaseMigrations.DATASOURCE)
  DataSource dataSource;

  ChainVerifier.Result verify() throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      return ChainVerifier.verify(db, crypto::chainHash, checkpoints.latest());
    }
  }

  long lastId() throws SQLException {
    try (Connection db = dataSource.getConnection();
        Statement s = db.createStatement();
        ResultSet r = s.executeQuery("select coalesce(max(id), 0) from audit_event")) {
      r.next();
      return r.getLong(1);
    }
  }

  static AuditTrail.Entry entry(String tag) {
    return AuditTrail.Entry.of(AuditAction.CASES_LISTED, "test", tag);
  }

  @Test
  void concurrentWritersKeepOneIntactChain() throws Exception {
    long before = lastId();
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

    assertEquals(before + threads * each, lastId());
    ChainVerifier.Result result = verify();
    assertTrue(result.intact(), result.toString());
    assertEquals(lastId(), result.verifiedThrough());

    long single = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      audit.recordApart(entry("alone #" + i));
    }
    long singleElapsed = System.nanoTime() - single;
    inOneTransaction.record(entry("warm-up"), 50);
    long within = System.nanoTime();
    inOneTransaction.record(entry("within a change"), 500);
    long withinElapsed = System.nanoTime() - within;
    assertTrue(verify().intact());
    System.out.printf(
        "Audit chain: %d events by %d writers in %d ms (%.0f events/s); one writer: %.2f ms per"
            + " event in its own transaction, %.3f ms per event within a transaction%n",
        threads * each,
        threads,
        elapsed / 1_000_000,
        threads * each / (elapsed / 1e9),
        singleElapsed / 1e6 / 200,
        withinElapsed / 1e6 / 500);
  }

  @Test
  void aRolledBackChangeLeavesNoEvent() throws Exception {
    long before = lastId();
    assertThrows(Exception.class, () -> rolledBack.recordThenFail(entry("rolled back")));
    assertEquals(before, lastId());
    audit.recordApart(entry("after the rollback"));
    assertEquals(before + 1, lastId(), "ids stay contiguous after a rollback");
    assertTrue(verify().intact());
  }

  @Test
  void tamperingInSqlIsReported() throws Exception {
    for (int i = 0; i < 5; i++) {
      audit.recordApart(entry("to tamper with #" + i));
    }
    long last = lastId();
    assertTrue(verify().intact(), "the chain must be intact to start with");
    try (Connection db = dataSource.getConnection();
        Statement sql = db.createStatement()) {
      boolean postgres = db.getMetaData().getDatabaseProductName().contains("PostgreSQL");
      sql.execute("create table audit_backup as select * from audit_event");
      try {
        asOwner(sql, postgres, true);
        broken(
            sql,
            "update audit_event set details = 'edited' where id = " + (last - 3),
            last - 3,
            "altered");
        broken(sql, "delete from audit_event where id = " + (last - 2), last - 2, "missing");
        broken(
            sql,
            "update audit_event set action = case when id = "
                + (last - 1)
                + " then (select action from audit_backup where id = "
                + last
                + ") else (select action from audit_backup where id = "
                + (last - 1)
                + ") end, occurred_at = case when id = "
                + (last - 1)
                + " then (select occurred_at from audit_backup where id = "
                + last
                + ") else (select occurred_at from audit_backup where id = "
                + (last - 1)
                + ") end where id in ("
                + (last - 1)
                + ", "
                + last
                + ")",
            last - 1,
            "altered");
        broken(
            sql,
            "insert into audit_event (id, occurred_at, action, outcome, previous_hash, hash)"
                + " select id + 1, occurred_at, 'SIGN_IN', 'SUCCESS', hash, '"
                + "ab".repeat(32)
                + "' from audit_event where id = "
                + last,
            last + 1,
            "forged");
        // Truncation: events cut from the end after a signed checkpoint.
        restore(sql);
        checkpoints.writeIfAdvanced();
        sql.execute("delete from audit_event where id > " + (last - 2));
        ChainVerifier.Result truncated = verify();
        assertFalse(truncated.intact());
        assertEquals(last - 1, truncated.firstBrokenEvent(), truncated.toString());
        assertTrue(truncated.reason().contains("checkpoint"), truncated.reason());
      } finally {
        restore(sql);
        asOwner(sql, postgres, false);
        sql.execute("drop table audit_backup");
      }
    }
    assertTrue(verify().intact(), "restored");
  }

  /** The table's owner taking back the rights a DBA could (PostgreSQL), or giving them up. */
  static void asOwner(Statement sql, boolean postgres, boolean tamper) throws SQLException {
    if (!postgres) {
      return;
    }
    if (tamper) {
      sql.execute("grant update, delete on audit_event to current_user");
      sql.execute("alter table audit_event disable trigger user");
    } else {
      sql.execute("alter table audit_event enable trigger user");
      sql.execute("revoke update, delete, truncate on audit_event from current_user");
    }
  }

  void broken(Statement sql, String tampering, long expectedAt, String why) throws Exception {
    sql.execute(tampering);
    ChainVerifier.Result result = verify();
    assertFalse(result.intact(), tampering);
    assertEquals(expectedAt, result.firstBrokenEvent(), result.toString());
    assertTrue(result.reason().contains(why), result.reason());
    restore(sql);
  }

  static void restore(Statement sql) throws SQLException {
    sql.execute("delete from audit_event");
    sql.execute("insert into audit_event select * from audit_backup");
  }

  @Test
  void onPostgresqlTheDatabaseRefusesChangesToAuditRows() throws Exception {
    try (Connection db = dataSource.getConnection();
        Statement sql = db.createStatement()) {
      if (!db.getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
        return; // the embedded H2 has no such protection (README, Audit trail)
      }
      try (ResultSet r =
          sql.executeQuery(
              "select has_table_privilege(current_user, 'audit_event', 'INSERT'),"
                  + " has_table_privilege(current_user, 'audit_event', 'SELECT'),"
                  + " has_table_privilege(current_user, 'audit_event', 'UPDATE'),"
                  + " has_table_privilege(current_user, 'audit_event', 'DELETE'),"
                  + " has_table_privilege(current_user, 'audit_event', 'TRUNCATE')")) {
        r.next();
        assertEquals(
            List.of(true, true, false, false, false),
            List.of(
                r.getBoolean(1),
                r.getBoolean(2),
                r.getBoolean(3),
                r.getBoolean(4),
                r.getBoolean(5)));
      }
      try (ResultSet r =
          sql.executeQuery(
              "select count(*) from pg_trigger where tgrelid = 'audit_event'::regclass"
                  + " and not tgisinternal and tgenabled <> 'D'")) {
        r.next();
        assertEquals(2, r.getInt(1), "update/delete and truncate triggers");
      }
      assertThrows(SQLException.class, () -> sql.execute("update audit_event set details = 'x'"));
      assertThrows(SQLException.class, () -> sql.execute("delete from audit_event"));
      assertThrows(SQLException.class, () -> sql.execute("truncate audit_event"));
    }
  }
}
