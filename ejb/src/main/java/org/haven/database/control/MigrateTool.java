package org.haven.database.control;

import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The migrations as a one-shot job, so that the server itself never holds the schema owner's
 * password (the compose service {@code migrate}; docs/operations/docker.md). Brings the schema to
 * this release's version as the owner ({@code HAVEN_DB_OWNER_USER}, {@code
 * HAVEN_DB_OWNER_PASSWORD}, {@code HAVEN_DB_URL}) and, on PostgreSQL, grants the role Haven works
 * as ({@code HAVEN_DB_USER}) the DML it needs, as Haven does when it migrates at start. Haven then
 * runs with {@code HAVEN_DB_MIGRATIONS=external} and only its own role's password.
 *
 * <pre>java -cp 'ear/target/tools/*' org.haven.database.control.MigrateTool</pre>
 *
 * Prints {@code {"version":"16","applied":N,"granted":"haven_app"}} and exits 0; a failure exits 1
 * with the reason, having changed nothing that Flyway could not roll back.
 */
public final class MigrateTool {

  private MigrateTool() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 0) {
      System.err.println(
          "usage: MigrateTool   (settings from HAVEN_DB_URL, HAVEN_DB_OWNER_USER,"
              + " HAVEN_DB_OWNER_PASSWORD, HAVEN_DB_USER; docs/operations/configuration.md)");
      System.exit(2);
    }
    String url = required("HAVEN_DB_URL");
    String owner = required("HAVEN_DB_OWNER_USER");
    String password = required("HAVEN_DB_OWNER_PASSWORD");
    String runtime = System.getenv("HAVEN_DB_USER");
    boolean postgres = url.startsWith("jdbc:postgresql:");
    if (postgres && (runtime == null || runtime.isBlank())) {
      System.err.println(
          "MigrateTool: HAVEN_DB_USER is not set: name the role Haven works as, to be granted its"
              + " DML (the owner's own name if one role does both)");
      System.exit(2);
    }
    try {
      Flyway flyway = Migrations.on(url, owner, password).load();
      MigrateResult result = flyway.migrate();
      String granted = null;
      try (Connection db = DriverManager.getConnection(url, owner, password)) {
        if (postgres && !runtime.equals(owner)) {
          RuntimeRole.grant(db, runtime);
          granted = runtime;
        }
      }
      var current = flyway.info().current();
      System.out.println(
          "{\"version\":\""
              + (current == null ? "" : current.getVersion().getVersion())
              + "\",\"applied\":"
              + result.migrationsExecuted
              + ",\"granted\":"
              + (granted == null ? "null" : "\"" + granted.replace("\"", "") + "\"")
              + "}");
    } catch (RuntimeException | java.sql.SQLException failed) {
      System.err.println("MigrateTool: " + failed.getMessage());
      System.exit(1);
    }
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      System.err.println("MigrateTool: " + name + " is not set");
      System.exit(2);
    }
    return value;
  }
}
