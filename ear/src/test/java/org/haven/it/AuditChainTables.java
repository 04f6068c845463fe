package org.haven.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.haven.audit.control.ChainVerifier;
import org.haven.audit.control.Checkpoints;
import org.haven.audit.control.Sequencer;
import org.haven.audit.entity.AuditEvent;
import org.haven.crypto.boundary.FieldCrypto;
import org.haven.database.boundary.DatabaseMigrations;

/**
 * Inside the server: the audit tables as an auditor or a tamperer with database access sees them,
 * for the chain's tests. Each call runs on a connection of its own, outside any transaction.
 */
@Dependent
public class AuditChainTables {

  /** The tables a tamperer edits, and that {@link #restore} puts back. */
  static final List<String> TABLES =
      List.of("audit_event", "audit_chain", "audit_pending", "audit_chain_head");

  @Resource(lookup = DatabaseMigrations.OWNER_DATASOURCE)
  DataSource dataSource;

  @Inject FieldCrypto crypto;
  @Inject Checkpoints checkpoints;

  public ChainVerifier.Result verify() throws SQLException {
    return verifyAt(Instant.now());
  }

  /** The verifier as it would answer at another time (events waiting look older then). */
  public ChainVerifier.Result verifyAt(Instant now) throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      return ChainVerifier.verify(
          db,
          epoch -> crypto.existingKeyedHash(AuditEvent.CHAIN_KEY, epoch),
          checkpoints.latest(),
          now,
          Duration.ofSeconds(330));
    }
  }

  /** A sequencer candidate of the test's own, with the server's key. */
  public Sequencer candidate(String name, Duration lease) {
    return new Sequencer(name, lease, 1000, epoch -> crypto.keyedHash(AuditEvent.CHAIN_KEY, epoch));
  }

  /** One batch of a candidate, committed (or, with {@code commit} false, rolled back). */
  public Sequencer.Batch sequence(Sequencer candidate, boolean commit) throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      try {
        return candidate.sequence(db, Instant.now());
      } finally {
        if (commit) {
          db.commit();
        } else {
          db.rollback();
        }
        db.setAutoCommit(true);
      }
    }
  }

  /** Takes the lease for a holder that will not sequence: Haven's sequencer then waits. */
  public void holdLease(String holder, Duration lease) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement update =
            db.prepareStatement(
                "update audit_chain_head set sequencer = ?, lease_until = ? where id = 1")) {
      update.setString(1, holder);
      update.setObject(2, Instant.now().plus(lease).atOffset(ZoneOffset.UTC));
      update.executeUpdate();
    }
  }

  /** A candidate gives its lease up, as at a clean shutdown. */
  public void release(Sequencer candidate) throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      candidate.release(db);
    }
  }

  public void releaseLease() throws SQLException {
    execute("update audit_chain_head set sequencer = null, lease_until = null where id = 1");
  }

  public Sequencer.Head head() throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      return Sequencer.head(db, false);
    }
  }

  public long number(String sql) throws SQLException {
    try (Connection db = dataSource.getConnection();
        Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  public List<String> strings(String sql) throws SQLException {
    List<String> values = new java.util.ArrayList<>();
    try (Connection db = dataSource.getConnection();
        Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }

  public long lastId() throws SQLException {
    return number("select coalesce(max(id), 0) from audit_event");
  }

  public long pending() throws SQLException {
    return number("select count(*) from audit_pending");
  }

  public void execute(String sql) throws SQLException {
    try (Connection db = dataSource.getConnection();
        Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  /** Polls until the condition holds or the deadline passes; whether it held. */
  public static boolean within(Duration deadline, BooleanSupplier condition) {
    try {
      // In the calling thread: the condition may need its transaction or caller.
      Awaitility.await()
          .atMost(deadline)
          .pollInterval(Duration.ofMillis(50))
          .pollInSameThread()
          .until(condition::getAsBoolean);
      return true;
    } catch (ConditionTimeoutException late) {
      return false;
    }
  }

  /** Copies of the audit tables, to put back after tampering. */
  public void backup() throws SQLException {
    for (String table : TABLES) {
      execute("create table backup_" + table + " as select * from " + table);
    }
  }

  public void restore() throws SQLException {
    for (String table : TABLES) {
      execute("delete from " + table);
      execute("insert into " + table + " select * from backup_" + table);
    }
  }

  public void dropBackup() throws SQLException {
    for (String table : TABLES) {
      execute("drop table backup_" + table);
    }
  }

  public boolean postgres() throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      return db.getMetaData().getDatabaseProductName().contains("PostgreSQL");
    }
  }

  /**
   * The tables' owner taking back the rights a database administrator could (PostgreSQL), or giving
   * them up again; the embedded H2 has no such rights to take.
   */
  public void asOwner(boolean tamper) throws SQLException {
    if (!postgres()) {
      return;
    }
    for (String table : List.of("audit_event", "audit_chain")) {
      if (tamper) {
        execute("grant update, delete on " + table + " to current_user");
        execute("alter table " + table + " disable trigger user");
      } else {
        execute("alter table " + table + " enable trigger user");
        execute("revoke update, delete, truncate on " + table + " from current_user");
      }
    }
  }
}
