package org.haven.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.haven.audit.entity.AuditEvent;

/**
 * Checks the whole audit chain straight from the table (plain JDBC, so the command-line verifier
 * runs the very same code as Haven): ids contiguous from 1, each event linked to the one before,
 * each hash the keyed hash of the event's content, and the last signed checkpoint still covered.
 */
public final class ChainVerifier {

  public static final String GENESIS = "0".repeat(64);

  /** The verifier's answer; {@code verifiedThrough} when intact, the first broken event if not. */
  public record Result(boolean intact, Long verifiedThrough, Long firstBrokenEvent, String reason) {

    static Result intactThrough(long id) {
      return new Result(true, id, null, null);
    }

    static Result brokenAt(long id, String reason) {
      return new Result(false, null, id, reason);
    }
  }

  private ChainVerifier() {}

  /**
   * The event as the row holds it, so that its canonical content comes from the one definition in
   * {@link AuditEvent}. An outcome that is not one of Haven's can only be an edit.
   */
  private static AuditEvent asStored(ResultSet row) throws SQLException {
    AuditEvent.Outcome outcome;
    try {
      outcome = AuditEvent.Outcome.valueOf(row.getString(10));
    } catch (IllegalArgumentException | NullPointerException edited) {
      outcome = null;
    }
    return AuditEvent.stored(
        row.getLong(1),
        row.getObject(2, OffsetDateTime.class).toInstant(),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        row.getString(8),
        row.getString(9),
        outcome,
        row.getString(11),
        row.getString(12),
        row.getString(13),
        row.getString(14),
        row.getString(15));
  }

  public static Result verify(
      Connection db,
      UnaryOperator<String> keyedHash,
      Optional<CheckpointStore.Checkpoint> checkpoint)
      throws SQLException {
    if (checkpoint.isPresent() && !checkpoint.get().signatureValid()) {
      return Result.brokenAt(
          checkpoint.get().eventId(), "the last checkpoint's signature is not valid");
    }
    long expected = 1;
    String previous = GENESIS;
    String checkpointHash = null;
    try (PreparedStatement query =
        db.prepareStatement(
            "select id, occurred_at, actor_subject, actor_username, actor_roles, actor_team,"
                + " action, object_type, object_id, outcome, reason, details, client_address,"
                + " request_id, previous_hash, hash from audit_event order by id")) {
      query.setFetchSize(1000);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          long id = row.getLong(1);
          if (id != expected) {
            return Result.brokenAt(
                expected,
                id > expected
                    ? "event " + expected + " is missing (the next is " + id + ")"
                    : "event " + id + " appears out of order");
          }
          String storedPrevious = row.getString(15);
          String stored = row.getString(16);
          if (!previous.equals(storedPrevious)) {
            return Result.brokenAt(id, "event " + id + " does not follow event " + (id - 1));
          }
          if (!keyedHash.apply(asStored(row).canonical()).equals(stored)) {
            return Result.brokenAt(
                id, "event " + id + " was altered or forged: its hash does not match");
          }
          if (checkpoint.isPresent() && checkpoint.get().eventId() == id) {
            checkpointHash = stored;
          }
          previous = stored;
          expected++;
        }
      }
    }
    long last = expected - 1;
    if (checkpoint.isPresent()) {
      CheckpointStore.Checkpoint signed = checkpoint.get();
      if (signed.eventId() > last) {
        return Result.brokenAt(
            last + 1,
            "events "
                + (last + 1)
                + " to "
                + signed.eventId()
                + " are missing: the signed checkpoint of "
                + signed.at()
                + " covers event "
                + signed.eventId());
      }
      if (!signed.hash().equals(checkpointHash)) {
        return Result.brokenAt(
            signed.eventId(), "event " + signed.eventId() + " differs from the signed checkpoint");
      }
    }
    return Result.intactThrough(last);
  }
}
