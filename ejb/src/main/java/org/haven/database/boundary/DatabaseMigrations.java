package org.haven.database.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.haven.database.control.Migrations;
import org.haven.database.control.RuntimeRole;
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

  /**
   * The schema owner's connections (HAVEN_DB_OWNER_USER), for the migrations; the same role as
   * {@link #DATASOURCE} unless one is set.
   */
  public static final String OWNER_DATASOURCE = "java:jboss/datasources/HavenOwnerDS";

  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  @Resource(lookup = DATASOURCE)
  DataSource dataSource;

  @Resource(lookup = OWNER_DATASOURCE)
  DataSource owner;

  @Inject
  @ConfigProperty(name = "haven.demo", defaultValue = "false")
  boolean demo;

  /**
   * {@code at-start} (the default): Haven migrates as the owner when it starts. {@code external}: a
   * one-shot job did ({@link org.haven.database.control.MigrateTool}); Haven only checks that
   * nothing is pending, and needs no owner password.
   */
  @Inject
  @ConfigProperty(name = "haven.db.migrations", defaultValue = "at-start")
  String migrations;

  @PersistenceUnit EntityManagerFactory entityManagerFactory;

  private volatile SchemaState state = SchemaState.notMigrated();

  @PostConstruct
  void migrate() {
    boolean external = "external".equalsIgnoreCase(migrations.strip());
    if (!external && !"at-start".equalsIgnoreCase(migrations.strip())) {
      throw new IllegalStateException(
          "HAVEN_DB_MIGRATIONS is \""
              + migrations
              + "\": say at-start (Haven migrates as the owner) or external (a one-shot job did)");
    }
    Flyway flyway = Migrations.on(external ? dataSource : owner).load();
    if (external) {
      Migrations.requireUpToDate(flyway);
    }
    int applied = external ? 0 : migrateAndGrant(flyway);
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
                + (external
                    ? " (migrated by a job before the start)"
                    : " (" + applied + " migration(s) applied now)")
                + ", validated against the entity mapping.");
  }

  private int migrateAndGrant(Flyway flyway) {
    MigrateResult result = flyway.migrate();
    grantTheRuntimeRole();
    return result.migrationsExecuted;
  }

  /**
   * On PostgreSQL, gives the role Haven works as the DML it needs, when that role is not the owner;
   * and says so loudly when it is the owner or a superuser, whom the audit trail's append-only
   * guard does not bind.
   */
  private void grantTheRuntimeRole() {
    try (Connection runtime = dataSource.getConnection();
        Connection schemaOwner = owner.getConnection()) {
      if (!runtime.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql")) {
        return;
      }
      String role = RuntimeRole.of(runtime);
      if (RuntimeRole.isSuperuser(runtime)) {
        LOG.warning(
            "Haven connects to PostgreSQL as "
                + role
                + ", a superuser: nothing in the database binds it, the audit trail's append-only"
                + " guard included. Give Haven a role of its own (HAVEN_DB_USER) and the schema"
                + " owner for the migrations (HAVEN_DB_OWNER_USER); see docs/security/database.md.");
        return;
      }
      if (role.equals(RuntimeRole.of(schemaOwner))) {
        if (!demo) {
          LOG.warning(
              "Haven works as "
                  + role
                  + ", the owner of its tables, who could take back the audit trail's append-only"
                  + " privileges. Set HAVEN_DB_OWNER_USER to the owner and HAVEN_DB_USER to a role"
                  + " with only the DML Haven needs; see docs/security/database.md.");
        }
        return;
      }
      RuntimeRole.grant(schemaOwner, role);
      LOG.info(() -> "Haven works as " + role + ", with only the DML it needs.");
    } catch (SQLException failed) {
      throw new IllegalStateException(
          "could not grant Haven's database role its privileges: " + failed.getMessage(), failed);
    }
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
