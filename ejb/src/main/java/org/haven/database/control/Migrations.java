package org.haven.database.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** The one Flyway configuration Haven uses, for the real schema and for scratch schemas alike. */
public final class Migrations {

  public static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  public static FluentConfiguration on(DataSource dataSource) {
    return configured().dataSource(dataSource);
  }

  /** For the command line ({@link MigrateTool}): straight to the database, no pool. */
  public static FluentConfiguration on(String url, String user, String password) {
    return configured().dataSource(url, user, password);
  }

  private static FluentConfiguration configured() {
    return Flyway.configure(Migrations.class.getClassLoader())
        .locations(LOCATION)
        .javaMigrations(new V6__Audit_append_only(), new V12__Audit_sequencer())
        .failOnMissingLocations(true)
        .validateMigrationNaming(true);
  }

  /**
   * Refuses a schema that migrations have not brought up to this Haven's version, for a Haven that
   * leaves them to a one-shot job ({@code HAVEN_DB_MIGRATIONS=external}): it then needs no owner
   * password at all. Reads the history only, which Haven's own role may.
   */
  public static void requireUpToDate(Flyway flyway) {
    var info = flyway.info();
    if (info.pending().length > 0) {
      var current = info.current();
      throw new IllegalStateException(
          "The database schema is at version "
              + (current == null ? "none" : current.getVersion().getVersion())
              + " and "
              + info.pending().length
              + " migration(s) up to version "
              + info.pending()[info.pending().length - 1].getVersion().getVersion()
              + " are pending. HAVEN_DB_MIGRATIONS=external: run the migrations first (MigrateTool,"
              + " the compose service \"migrate\"; docs/operations/upgrading.md), then start Haven.");
    }
  }
}
