package org.haven.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.haven.audit.entity.AuditEvent;

/**
 * Links committed audit events into the chain, in batches: each pending event gets the next
 * position and a link hash over its position, id, MAC and the link before (the way a transparency
 * log's sequencer integrates queued entries). Only the holder of the lease in {@code
 * audit_chain_head} sequences; the row's lock makes two candidates take turns, and a candidate
 * whose lease ran out is replaced by the next one that asks. Plain JDBC, in the caller's
 * transaction, so tests can run two candidates side by side.
 */
public final class Sequencer {

  /** The chain's head: its last position, that link's hash, and who holds the lease until when. */
  public record Head(long position, String hash, String holder, Instant leaseUntil) {}

  /** What a batch did: whether this candidate held the lease, how many events it linked. */
  public record Batch(boolean leader, int sequenced, Head head) {}

  private final String candidate;
  private final Duration lease;
  private final int batchSize;
  private final IntFunction<UnaryOperator<String>> keyedHashes;

  /** {@code keyedHashes}: the chain key of each key epoch, by epoch. */
  public Sequencer(
      String candidate,
      Duration lease,
      int batchSize,
      IntFunction<UnaryOperator<String>> keyedHashes) {
    this.candidate = candidate;
    this.lease = lease;
    this.batchSize = batchSize;
    this.keyedHashes = keyedHashes;
  }

  public String candidate() {
    return candidate;
  }

  public int batchSize() {
    return batchSize;
  }

  /** The hash of a chain link: one definition, for the sequencer and the verifier. */
  public static String link(
      UnaryOperator<String> keyedHash, long position, long eventId, String mac, String previous) {
    return keyedHash.apply(
        AuditEvent.canonical("haven audit link", position, eventId, mac, previous));
  }

  /** Links up to one batch of pending events, if this candidate holds (or takes) the lease. */
  public Batch sequence(Connection db, Instant now) throws SQLException {
    Head seen = head(db, false);
    if (heldByAnother(seen, now)) {
      return new Batch(false, 0, seen);
    }
    if (holdsLease(seen, now) && !renewalDue(seen, now) && nothingPending(db)) {
      return new Batch(true, 0, seen); // idle: no lock taken, nothing written
    }
    Head head = head(db, true); // waits for a batch another candidate has under way
    if (heldByAnother(head, now)) {
      return new Batch(false, 0, head);
    }
    List<Object[]> pending = new ArrayList<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "select p.event_id, e.mac, e.key_epoch from audit_pending p"
                + " left join audit_event e on e.id = p.event_id order by p.event_id limit ?")) {
      query.setInt(1, batchSize);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          // An entry whose event is gone (deleted before it was linked) is linked all the same,
          // without a MAC: the verifier then names the missing event.
          // It is linked under its own epoch's key, the one its MAC was made with.
          pending.add(new Object[] {row.getLong(1), row.getString(2), row.getInt(3)});
        }
      }
    }
    long position = head.position();
    String previous = head.hash();
    if (!pending.isEmpty()) {
      OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
      try (PreparedStatement chain =
              db.prepareStatement(
                  "insert into audit_chain (seq, event_id, previous_hash, hash, sequenced_at)"
                      + " values (?, ?, ?, ?, ?)");
          PreparedStatement done =
              db.prepareStatement("delete from audit_pending where event_id = ?")) {
        for (Object[] event : pending) {
          long id = (Long) event[0];
          position++;
          String hash =
              link(
                  keyedHashes.apply((Integer) event[2]), position, id, (String) event[1], previous);
          chain.setLong(1, position);
          chain.setLong(2, id);
          chain.setString(3, previous);
          chain.setString(4, hash);
          chain.setObject(5, at);
          chain.addBatch();
          done.setLong(1, id);
          done.addBatch();
          previous = hash;
        }
        chain.executeBatch();
        done.executeBatch();
      }
    }
    Instant leaseUntil = head.leaseUntil();
    boolean renew = !holdsLease(head, now) || renewalDue(head, now);
    if (!pending.isEmpty() || renew) {
      leaseUntil = renew ? now.plus(lease) : leaseUntil;
      try (PreparedStatement update =
          db.prepareStatement(
              "update audit_chain_head set last_seq = ?, last_hash = ?, sequencer = ?,"
                  + " lease_until = ? where id = 1")) {
        update.setLong(1, position);
        update.setString(2, previous);
        update.setString(3, candidate);
        update.setObject(4, leaseUntil.atOffset(ZoneOffset.UTC));
        update.executeUpdate();
      }
    }
    return new Batch(true, pending.size(), new Head(position, previous, candidate, leaseUntil));
  }

  /** Gives the lease up (at shutdown), so that a standby takes over at its next turn. */
  public void release(Connection db) throws SQLException {
    try (PreparedStatement update =
        db.prepareStatement(
            "update audit_chain_head set sequencer = null, lease_until = null"
                + " where id = 1 and sequencer = ?")) {
      update.setString(1, candidate);
      update.executeUpdate();
    }
  }

  private boolean holdsLease(Head head, Instant now) {
    return candidate.equals(head.holder())
        && head.leaseUntil() != null
        && head.leaseUntil().isAfter(now);
  }

  /** Renewed once half of it has passed, so that a busy sequencer never loses it. */
  private boolean renewalDue(Head head, Instant now) {
    return head.leaseUntil() == null || head.leaseUntil().isBefore(now.plus(lease.dividedBy(2)));
  }

  private static boolean nothingPending(Connection db) throws SQLException {
    try (PreparedStatement query = db.prepareStatement("select 1 from audit_pending limit 1");
        ResultSet row = query.executeQuery()) {
      return !row.next();
    }
  }

  private boolean heldByAnother(Head head, Instant now) {
    return head.holder() != null
        && !head.holder().equals(candidate)
        && head.leaseUntil() != null
        && head.leaseUntil().isAfter(now);
  }

  /** The chain's head as stored; {@code forUpdate} locks it to the end of the transaction. */
  public static Head head(Connection db, boolean forUpdate) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement(
            "select last_seq, last_hash, sequencer, lease_until from audit_chain_head where id = 1"
                + (forUpdate ? " for update" : ""))) {
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("audit_chain_head has no row: the audit migrations did not run");
        }
        OffsetDateTime lease = row.getObject(4, OffsetDateTime.class);
        return new Head(
            row.getLong(1),
            row.getString(2),
            row.getString(3),
            lease == null ? null : lease.toInstant());
      }
    }
  }

  /** The id of the event at a position of the chain, if there is one. */
  public static Long eventAt(Connection db, long position) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("select event_id from audit_chain where seq = ?")) {
      query.setLong(1, position);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getLong(1) : null;
      }
    }
  }
}
