package org.haven.database.control;

import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The audit trail without a global lock (docs/security/audit-trail.md). Events get ids from a
 * sequence and a MAC of their own ({@code audit_event.mac}); the chain moves to {@code
 * audit_chain}, one link per position, written by the sequencer from the queue {@code
 * audit_pending}; {@code audit_chain_head} keeps the last link and the sequencer's lease.
 *
 * <p>An existing trail is carried over as it is: each event's position is its id, its link the
 * chain hash it had, so an old trail and its signed checkpoints still verify. Those events have no
 * MAC; their link hash covers their content, as it always did. Java, not SQL, for the sequence's
 * start (after the highest id) and PostgreSQL's append-only rules on the new chain table.
 */
public class V12__Audit_sequencer extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    boolean postgres =
        context
            .getConnection()
            .getMetaData()
            .getDatabaseProductName()
            .toLowerCase()
            .contains("postgresql");
    try (Statement sql = context.getConnection().createStatement()) {
      sql.execute(
          "create table audit_chain ("
              + " seq bigint not null,"
              + " event_id bigint not null,"
              + " previous_hash varchar(64) not null,"
              + " hash varchar(64) not null,"
              + " sequenced_at timestamp(6) with time zone not null,"
              + " constraint pk_audit_chain primary key (seq),"
              + " constraint uk_audit_chain_event unique (event_id))");
      sql.execute(
          "insert into audit_chain (seq, event_id, previous_hash, hash, sequenced_at)"
              + " select id, id, previous_hash, hash, occurred_at from audit_event");
      sql.execute("alter table audit_event drop column previous_hash");
      sql.execute("alter table audit_event drop column hash");
      sql.execute("alter table audit_event add column mac varchar(64)");

      sql.execute(
          "create table audit_pending (event_id bigint not null,"
              + " constraint pk_audit_pending primary key (event_id))");

      sql.execute("alter table audit_chain_head add column last_seq bigint");
      sql.execute("update audit_chain_head set last_seq = last_event_id");
      sql.execute("alter table audit_chain_head alter column last_seq set not null");
      sql.execute("alter table audit_chain_head drop column last_event_id");
      sql.execute("alter table audit_chain_head add column sequencer varchar(128)");
      sql.execute(
          "alter table audit_chain_head add column lease_until timestamp(6) with time zone");

      long start;
      try (ResultSet max = sql.executeQuery("select coalesce(max(id), 0) + 1 from audit_event")) {
        max.next();
        start = max.getLong(1);
      }
      // Blocks of 50 ids per server (AuditIds): one round trip per 50 events.
      sql.execute("create sequence audit_event_id_seq start with " + start + " increment by 50");

      if (postgres) {
        sql.execute(
            "create or replace function haven_audit_append_only() returns trigger"
                + " language plpgsql as $$ begin"
                + " raise exception '% is append-only: % refused', tg_table_name, tg_op;"
                + " end $$");
        sql.execute(
            "create trigger audit_chain_append_only before update or delete on audit_chain"
                + " for each row execute function haven_audit_append_only()");
        sql.execute(
            "create trigger audit_chain_no_truncate before truncate on audit_chain"
                + " for each statement execute function haven_audit_append_only()");
        sql.execute("revoke update, delete, truncate on audit_chain from public");
        sql.execute("revoke update, delete, truncate on audit_chain from current_user");
      }
    }
  }
}
