package org.haven.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
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

  @Resource(lookup = DatabaseMigrations.DATASOURCE)
  DataSource dataSource;

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
