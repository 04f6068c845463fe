package org.haven.database.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The role Haven works as on PostgreSQL, when it is not the schema's owner: the owner, after the
 * migrations, grants it the rows' DML on Haven's tables and nothing more. No DDL, no TRUNCATE, the
 * migrations' history read-only, and the audit trail append-only by privilege, not only by trigger:
 * events and chain links are inserted and read, never changed or removed
 * (docs/security/database.md). Granted anew on every start, so that tables a migration adds are
 * covered.
 */
public final class RuntimeRole {

  /** What the role may do beyond reading: per table, where it is less than all of the DML. */
  static final List<String> NARROWED =
      List.of(
          "revoke insert, update, delete on flyway_schema_history from %1$s",
          "revoke update, delete on audit_event from %1$s",
          "revoke update, delete on audit_chain from %1$s",
          "revoke insert, delete on audit_chain_head from %1$s",
          "revoke update on audit_pending from %1$s");

  private RuntimeRole() {}

  /** The role of a connection: the one Haven's datasource signs in as. */
  public static String of(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement();
        ResultSet role = sql.executeQuery("select current_user")) {
      role.next();
      return role.getString(1);
    }
  }

  /** Whether the role may do anything at all in the database (a superuser). */
  public static boolean isSuperuser(Connection connection) throws SQLException {
    try (PreparedStatement sql =
            connection.prepareStatement(
                "select rolsuper from pg_roles where rolname = current_user");
        ResultSet row = sql.executeQuery()) {
      return row.next() && row.getBoolean(1);
    }
  }

  /** Grants the runtime role what Haven needs, through the owner's connection. */
  public static void grant(Connection owner, String runtimeRole) throws SQLException {
    String role = quoted(runtimeRole);
    try (Statement sql = owner.createStatement()) {
      String schema;
      try (ResultSet current = sql.executeQuery("select current_schema()")) {
        current.next();
        schema = quoted(current.getString(1));
      }
      sql.execute("grant usage on schema " + schema + " to " + role);
      sql.execute(
          "grant select, insert, update, delete on all tables in schema " + schema + " to " + role);
      sql.execute("grant usage, select on all sequences in schema " + schema + " to " + role);
      for (String narrowed : NARROWED) {
        sql.execute(String.format(narrowed, role));
      }
    }
  }

  static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
