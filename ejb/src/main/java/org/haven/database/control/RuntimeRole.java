package org.haven.database.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The role Haven works as on PostgreSQL, when it is not the schema's owner: the owner, after the
 * migrations, grants it the rows' DML Haven uses and nothing more. No DDL, no TRUNCATE, deletes
 * only where Haven deletes, the migrations' history read-only, and the audit trail append-only by
 * privilege, not only by trigger: events and chain links are inserted and read, never changed or
 * removed (docs/security/database.md). Granted anew on every start, so that tables a migration adds
 * are covered.
 */
public final class RuntimeRole {

  /**
   * The only tables Haven deletes rows from: a destroyed data key (erasure), an event the sequencer
   * has linked, and the rows of collections Hibernate rewrites when they change. Nothing else is
   * ever deleted, so a query slipped through cannot delete a note, a status change or a break-glass
   * record either.
   */
  static final List<String> DELETED_FROM =
      List.of(
          "data_key",
          "audit_pending",
          "case_exploitation_code",
          "case_search_index",
          "consent_shared_field",
          "provider_service",
          "provider_area");

  /** Where the role may do less than insert, read and update. */
  static final List<String> NARROWED =
      List.of(
          "revoke insert, update on flyway_schema_history from %1$s",
          "revoke update on audit_event from %1$s",
          "revoke update on audit_chain from %1$s",
          "revoke insert on audit_chain_head from %1$s",
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

  /**
   * Grants the runtime role what Haven needs, through the owner's connection, in one transaction:
   * the role never holds, even for a moment, more than the end result.
   */
  public static void grant(Connection owner, String runtimeRole) throws SQLException {
    String role = quoted(runtimeRole);
    boolean autoCommit = owner.getAutoCommit();
    owner.setAutoCommit(false);
    try (Statement sql = owner.createStatement()) {
      String schema;
      try (ResultSet current = sql.executeQuery("select current_schema()")) {
        current.next();
        schema = quoted(current.getString(1));
      }
      sql.execute("revoke all on all tables in schema " + schema + " from " + role);
      sql.execute("grant usage on schema " + schema + " to " + role);
      sql.execute("grant select, insert, update on all tables in schema " + schema + " to " + role);
      for (String table : DELETED_FROM) {
        sql.execute("grant delete on " + table + " to " + role);
      }
      sql.execute("grant usage, select on all sequences in schema " + schema + " to " + role);
      for (String narrowed : NARROWED) {
        sql.execute(String.format(narrowed, role));
      }
      owner.commit();
    } catch (SQLException failed) {
      owner.rollback();
      throw failed;
    } finally {
      owner.setAutoCommit(autoCommit);
    }
  }

  static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
