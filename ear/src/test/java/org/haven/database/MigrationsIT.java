package org.haven.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.haven.audit.control.ChainVerifier;
import org.haven.audit.control.Sequencer;
import org.haven.audit.entity.AuditEvent;
import org.haven.crypto.boundary.FieldCrypto;
import org.haven.database.boundary.DatabaseMigrations;
import org.haven.database.control.Migrations;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The migrations, on the database the suite runs against (H2 or PostgreSQL). */
@ExtendWith(ArquillianExtension.class)
class MigrationsIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return HavenDeployment.withTest(MigrationsIT.class);
  }

  @Resource(lookup = DatabaseMigrations.OWNER_DATASOURCE)
  DataSource dataSource;

  @Inject FieldCrypto crypto;

  @Test
  void everyMigrationAppliesToAnEmptySchema() {
    // A fresh schema in the same database: the migrations must build Haven from nothing.
    String scratch = "haven_scratch_" + UUID.randomUUID().toString().substring(0, 8);
    Flyway flyway =
        Migrations.on(dataSource).schemas(scratch).createSchemas(true).cleanDisabled(false).load();
    try {
      assertEquals(0, flyway.info().applied().length, "the scratch schema is not empty");
      MigrateResult result = flyway.migrate();

      assertTrue(result.success);
      assertTrue(result.migrationsExecuted > 0);
      // SQL scripts and the Java migrations Haven registers.
      long versioned =
          Arrays.stream(flyway.info().all()).filter(m -> !m.getType().isSynthetic()).count();
      assertEquals(versioned, result.migrationsExecuted);
      assertEquals(0, flyway.info().pending().length);
    } finally {
      flyway.clean();
    }
  }

  /**
   * A database with an audit trail from before the sequencer (V11: ids in chain order, each hash
   * over the event and the hash before) still verifies after the upgrade, and its chain goes on.
   */
  @Test
  void anExistingAuditTrailVerifiesAfterTheUpgrade() throws Exception {
    String scratch = "haven_scratch_" + UUID.randomUUID().toString().substring(0, 8);
    Flyway flyway =
        Migrations.on(dataSource).schemas(scratch).createSchemas(true).cleanDisabled(false).load();
    try (Connection db = dataSource.getConnection()) {
      String schema = db.getSchema();
      Migrations.on(dataSource).schemas(scratch).createSchemas(true).target("11").load().migrate();
      db.setSchema(scratch);
      try {
        String previous = ChainVerifier.GENESIS;
        Instant at = Instant.parse("2026-11-01T10:00:00.123456Z");
        for (long id = 1; id <= 3; id++) {
          AuditEvent event =
              AuditEvent.stored(
                  id,
                  at.plusSeconds(id),
                  "subject-" + id,
                  "caseworker.north",
                  "caseworker",
                  "north",
                  "CASE_READ",
                  "case",
                  "HVN-2026-00000" + id,
                  AuditEvent.Outcome.SUCCESS,
                  null,
                  null,
                  "127.0.0.1",
                  "request-" + id,
                  null,
                  0);
          String hash =
              crypto.keyedHash(AuditEvent.CHAIN_KEY, 0).apply(event.legacyCanonical(previous));
          try (PreparedStatement insert =
              db.prepareStatement(
                  "insert into audit_event (id, occurred_at, actor_subject, actor_username,"
                      + " actor_roles, actor_team, action, object_type, object_id, outcome,"
                      + " client_address, request_id, previous_hash, hash)"
                      + " values (?, ?, ?, 'caseworker.north', 'caseworker', 'north', 'CASE_READ',"
                      + " 'case', ?, 'SUCCESS', '127.0.0.1', ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setObject(2, at.plusSeconds(id).atOffset(ZoneOffset.UTC));
            insert.setString(3, "subject-" + id);
            insert.setString(4, "HVN-2026-00000" + id);
            insert.setString(5, "request-" + id);
            insert.setString(6, previous);
            insert.setString(7, hash);
            insert.executeUpdate();
          }
          previous = hash;
        }
        try (PreparedStatement head =
            db.prepareStatement(
                "update audit_chain_head set last_event_id = 3, last_hash = ? where id = 1")) {
          head.setString(1, previous);
          head.executeUpdate();
        }

        // A Haven that leaves the migrations to a job (HAVEN_DB_MIGRATIONS=external) refuses to
        // start on a schema behind it, naming where it stands.
        IllegalStateException behind =
            assertThrows(IllegalStateException.class, () -> Migrations.requireUpToDate(flyway));
        assertTrue(behind.getMessage().contains("at version 11 and"), behind.getMessage());
        flyway.migrate();
        Migrations.requireUpToDate(flyway);

        ChainVerifier.Result carried =
            ChainVerifier.verify(
                db,
                epoch -> Optional.of(crypto.keyedHash(AuditEvent.CHAIN_KEY, epoch)),
                Optional.empty(),
                Instant.now(),
                Duration.ofMinutes(5));
        assertTrue(carried.intact(), carried.toString());
        assertEquals(3L, carried.verifiedThrough());

        // New events chain on after the old ones.
        Sequencer sequencer =
            new Sequencer(
                "migration-test",
                Duration.ofSeconds(5),
                100,
                epoch -> crypto.keyedHash(AuditEvent.CHAIN_KEY, epoch));
        long next;
        try (Statement sql = db.createStatement();
            ResultSet r = sql.executeQuery("select nextval('audit_event_id_seq')")) {
          r.next();
          next = r.getLong(1);
        }
        assertTrue(next > 3, "new ids follow the old ones: " + next);
        AuditEvent fresh =
            new AuditEvent(
                next,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null,
                null,
                null,
                null,
                "SIGN_IN",
                "session",
                "api",
                AuditEvent.Outcome.SUCCESS,
                null,
                null,
                null,
                null);
        fresh.seal(0, crypto.keyedHash(AuditEvent.CHAIN_KEY, 0));
        try (PreparedStatement insert =
            db.prepareStatement(
                "insert into audit_event (id, occurred_at, action, object_type, object_id,"
                    + " outcome, mac) values (?, ?, 'SIGN_IN', 'session', 'api', 'SUCCESS', ?)")) {
          insert.setLong(1, next);
          insert.setObject(2, fresh.getOccurredAt().atOffset(ZoneOffset.UTC));
          insert.setString(3, fresh.getMac());
          insert.executeUpdate();
        }
        try (Statement sql = db.createStatement()) {
          sql.execute("insert into audit_pending (event_id) values (" + next + ")");
        }
        assertEquals(1, sequencer.sequence(db, Instant.now()).sequenced());
        ChainVerifier.Result goesOn =
            ChainVerifier.verify(
                db,
                epoch -> Optional.of(crypto.keyedHash(AuditEvent.CHAIN_KEY, epoch)),
                Optional.empty(),
                Instant.now(),
                Duration.ofMinutes(5));
        assertTrue(goesOn.intact(), goesOn.toString());
        assertEquals(next, goesOn.verifiedThrough());
      } finally {
        db.setSchema(schema);
      }
    } finally {
      flyway.clean();
    }
  }

  @Test
  void theLiveSchemaIsFullyMigrated() {
    Flyway flyway = Migrations.on(dataSource).load();
    MigrationInfo[] all = flyway.info().all();
    assertTrue(all.length > 0);
    assertTrue(
        Arrays.stream(all).allMatch(m -> m.getState() == MigrationState.SUCCESS),
        () ->
            Arrays.toString(
                Arrays.stream(all).map(m -> m.getVersion() + ":" + m.getState()).toArray()));
    assertNotNull(flyway.info().current());
  }
}
