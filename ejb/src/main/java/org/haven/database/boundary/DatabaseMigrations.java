package org.haven.database.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.haven.database.control.Migrations;
import org.hibernate.SessionFactory;

/**
 * Brings the database schema up to date when Haven is deployed, before any other bean may use it
 * (WildFly holds calls to other components until startup singletons are done; beans that touch the
 * database at startup say {@code @DependsOn("DatabaseMigrations")}). It then checks that the entity
 * mapping matches the migrated schema, so a forgotten migration fails the deployment instead of a
 * user's request.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits its own work.
public class DatabaseMigrations {

  public static final String DATASOURCE = "java:jboss/datasources/HavenDS";
  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  @Resource(lookup = DATASOURCE)
  DataSource dataSource;

  @PersistenceUnit EntityManagerFactory entityManagerFactory;

  private volatile SchemaState state = SchemaState.notMigrated();

  @PostConstruct
  void migrate() {
    Flyway flyway = Migrations.on(dataSource).load();
    MigrateResult result = flyway.migrate();
    entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    MigrationInfo current = flyway.info().current();
    state =
        new SchemaState(
            true,
            current == null ? null : current.getVersion().getVersion(),
            flyway.info().pending().length);
    LOG.info(
        () ->
            "Database schema at version "
                + state.version()
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied now), validated against the entity mapping.");
  }

  public SchemaState state() {
    return state;
  }

  /** What the health check reports about the schema. */
  public record SchemaState(boolean migrated, String version, int pending) {
    static SchemaState notMigrated() {
      return new SchemaState(false, null, -1);
    }
  }
}
