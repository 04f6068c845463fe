package org.haven.database.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** The one Flyway configuration Haven uses, for the real schema and for scratch schemas alike. */
public final class Migrations {

  public static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  public static FluentConfiguration on(DataSource dataSource) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .javaMigrations(new V6__Audit_append_only(), new V12__Audit_sequencer())
        .failOnMissingLocations(true)
        .validateMigrationNaming(true);
  }
}
