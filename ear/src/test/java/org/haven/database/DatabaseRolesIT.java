package org.haven.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.haven.database.boundary.DatabaseMigrations;
import org.haven.database.control.RuntimeRole;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On PostgreSQL the suite runs as production should: the migrations as the schema owner
 * (HAVEN_DB_OWNER_USER), Haven as a role with only the DML it needs (HAVEN_DB_USER). That role
 * reads and writes rows, and cannot change the schema, empty a table, or change or remove an audit
 * event or chain link: a query that slipped through would still leave the trail alone.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseRolesIT {

  /** PostgreSQL's "insufficient privilege". */
  static final String REFUSED = "42501";

  @Deployment
  static EnterpriseArchive deployment() {
    return HavenDeployment.withTest(DatabaseRolesIT.class);
  }

  @Resource(lookup = DatabaseMigrations.DATASOURCE)
  DataSource haven;

  @Resource(lookup = DatabaseMigrations.OWNER_DATASOURCE)
  DataSource owner;

  static boolean postgres(Connection db) throws SQLException {
    return db.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql");
  }

  static void refused(Connection db, String statement) {
    SQLException thrown =
        assertThrows(SQLException.class, () -> execute(db, statement), statement + " was allowed");
    assertEquals(REFUSED, thrown.getSQLState(), statement + ": " + thrown.getMessage());
  }

  static void execute(Connection db, String statement) throws SQLException {
    try (Statement sql = db.createStatement()) {
      sql.execute(statement);
    }
  }

  @Test
  void havenWorksAsARoleWithOnlyTheDmlItNeeds() throws Exception {
    try (Connection db = haven.getConnection();
        Connection schemaOwner = owner.getConnection()) {
      if (!postgres(db)) {
        // The embedded H2 has no roles to speak of: one user does both (the default).
        assertEquals(RuntimeRole.of(schemaOwner), RuntimeRole.of(db));
        return;
      }
      assertNotEquals(
          RuntimeRole.of(schemaOwner),
          RuntimeRole.of(db),
          "-Ppostgres runs Haven as its own role: set HAVEN_DB_OWNER_USER to the owner of the"
              + " database and HAVEN_DB_USER to another role (.ci/run does)");
      assertFalse(RuntimeRole.isSuperuser(db));
      db.setAutoCommit(true);
      execute(db, "select count(*) from audit_event");
      execute(db, "update notification set read_at = read_at where id = -1");
      refused(db, "update audit_event set details = 'edited' where id = -1");
      refused(db, "delete from audit_event where id = -1");
      refused(db, "delete from audit_chain where seq = -1");
      refused(db, "update audit_chain set hash = 'x' where seq = -1");
      refused(db, "delete from audit_chain_head where id = -1");
      refused(db, "truncate notification");
      refused(db, "create table intruder (id int)");
      refused(db, "alter table audit_event disable trigger user");
      refused(db, "delete from flyway_schema_history where installed_rank = -1");
      refused(db, "delete from case_note where id = -1");
      refused(db, "delete from break_glass_access where id = -1");
      refused(db, "delete from case_status_change where id = -1");
      execute(db, "delete from audit_pending where event_id = -1");
    }
  }
}
