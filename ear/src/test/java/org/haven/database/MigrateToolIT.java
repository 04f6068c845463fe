package org.haven.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The migrations as a one-shot job (the compose service "migrate"), run as an operator would, in a
 * JVM of its own from the tools folder: it builds the schema from nothing as the owner, grants
 * Haven's role its DML on PostgreSQL, and a second run changes nothing. On the embedded database a
 * scratch file; on PostgreSQL (the suite's HAVEN_DB_* settings) a scratch schema, dropped after.
 */
class MigrateToolIT {

  static final String URL = System.getenv("HAVEN_DB_URL");

  record Run(int exit, String out, String err) {}

  static Run migrateTool(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder java =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            Path.of("target", "tools").toAbsolutePath() + "/*",
            "org.haven.database.control.MigrateTool");
    java.environment().keySet().removeIf(name -> name.startsWith("HAVEN_"));
    java.environment().putAll(env);
    Process process = java.start();
    assertTrue(process.waitFor(3, TimeUnit.MINUTES), "MigrateTool did not finish");
    return new Run(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
  }

  @Test
  void migratesFromNothingThenChangesNothing() throws Exception {
    boolean postgres = URL != null && URL.startsWith("jdbc:postgresql:");
    String scratch = "haven_migrate_" + UUID.randomUUID().toString().substring(0, 8);
    String url;
    if (postgres) {
      url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + scratch;
    } else {
      Path dir = Files.createDirectories(Path.of("target", "migrate-tool-it", scratch));
      url =
          "jdbc:h2:file:"
              + dir.toAbsolutePath().resolve("haven")
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }
    String owner = postgres ? System.getenv("HAVEN_DB_OWNER_USER") : "haven";
    String ownerPassword = postgres ? System.getenv("HAVEN_DB_OWNER_PASSWORD") : "haven";
    String runtime = postgres ? System.getenv("HAVEN_DB_USER") : null;
    Map<String, String> env =
        new java.util.HashMap<>(
            Map.of(
                "HAVEN_DB_URL", url,
                "HAVEN_DB_OWNER_USER", owner,
                "HAVEN_DB_OWNER_PASSWORD", ownerPassword));
    if (runtime != null) {
      env.put("HAVEN_DB_USER", runtime);
    }
    try {
      Run first = migrateTool(env);
      assertEquals(0, first.exit(), first.err());
      String latest = latestMigration();
      assertTrue(
          first.out().startsWith("{\"version\":\"" + latest + "\",\"applied\":"), first.out());
      assertTrue(
          first
              .out()
              .endsWith(postgres ? ",\"granted\":\"" + runtime + "\"}" : ",\"granted\":null}"),
          first.out());

      Run second = migrateTool(env);
      assertEquals(0, second.exit(), second.err());
      assertEquals(
          "{\"version\":\""
              + latest
              + "\",\"applied\":0,\"granted\":"
              + (postgres ? "\"" + runtime + "\"" : "null")
              + "}",
          second.out());

      if (postgres) {
        try (Connection haven =
                DriverManager.getConnection(url, runtime, System.getenv("HAVEN_DB_PASSWORD"));
            Statement sql = haven.createStatement()) {
          try (ResultSet r = sql.executeQuery("select count(*) from survivor_case")) {
            r.next();
            assertEquals(0, r.getLong(1));
          }
          SQLException refused =
              assertThrows(
                  SQLException.class, () -> sql.executeUpdate("update audit_event set mac = null"));
          assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        }
      }

      env.remove("HAVEN_DB_OWNER_PASSWORD");
      Run unset = migrateTool(env);
      assertEquals(2, unset.exit(), "without the owner's password: " + unset);
      assertTrue(unset.err().contains("HAVEN_DB_OWNER_PASSWORD is not set"), unset.err());
    } finally {
      if (postgres) {
        try (Connection db = DriverManager.getConnection(URL, owner, ownerPassword);
            Statement sql = db.createStatement()) {
          sql.execute("drop schema if exists " + scratch + " cascade");
        }
      }
    }
  }

  /** The newest migration in the sources: what the tool must reach. */
  static String latestMigration() throws IOException {
    List<Integer> versions = new ArrayList<>();
    for (Path dir :
        List.of(
            Path.of("..", "ejb", "src", "main", "resources", "db", "migration"),
            Path.of("..", "ejb", "src", "main", "java", "org", "haven", "database", "control"))) {
      try (var files = Files.list(dir)) {
        files
            .map(f -> f.getFileName().toString())
            .filter(name -> name.matches("V\\d+__.*"))
            .forEach(name -> versions.add(Integer.parseInt(name.substring(1, name.indexOf("__")))));
      }
    }
    return String.valueOf(versions.stream().mapToInt(Integer::intValue).max().orElseThrow());
  }
}
