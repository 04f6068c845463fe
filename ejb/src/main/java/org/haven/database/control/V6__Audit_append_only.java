package org.haven.database.control;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, makes the audit trail append-only in the database itself: a trigger refuses every
 * UPDATE, DELETE and TRUNCATE of audit_event, and the application's role (which owns the table)
 * gives up those privileges, keeping INSERT and SELECT. An owner could take them back, so this
 * stops accidents and casual edits; the hash chain and signed checkpoints catch the rest. The
 * embedded H2 has no such protection (its triggers are Java classes on the server's class path).
 */
public class V6__Audit_append_only extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    String product = context.getConnection().getMetaData().getDatabaseProductName();
    if (!product.toLowerCase().contains("postgresql")) {
      return;
    }
    try (Statement sql = context.getConnection().createStatement()) {
      sql.execute(
          "create or replace function haven_audit_append_only() returns trigger"
              + " language plpgsql as $$ begin"
              + " raise exception 'audit_event is append-only: % refused', tg_op;"
              + " end $$");
      sql.execute(
          "create trigger audit_event_append_only before update or delete on audit_event"
              + " for each row execute function haven_audit_append_only()");
      sql.execute(
          "create trigger audit_event_no_truncate before truncate on audit_event"
              + " for each statement execute function haven_audit_append_only()");
      sql.execute("revoke update, delete, truncate on audit_event from public");
      sql.execute("revoke update, delete, truncate on audit_event from current_user");
    }
  }
}
