package org.haven.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.haven.audit.entity.AuditEvent;

/**
 * Checks the whole audit trail straight from the tables (plain JDBC, so the command-line verifier
 * runs the very same code as Haven):
 *
 * <ul>
 *   <li>the chain ({@code audit_chain}): positions contiguous from 1, each link following the one
 *       before, each link hash what {@link Sequencer#link} makes of it, each linked event present
 *       and its MAC the keyed MAC of its content (events from before the sequencer: their link hash
 *       over their content, as then);
 *   <li>the events not linked yet: each MAC right, none waiting longer than the limit (the
 *       sequencer stopped, or its queue entry was removed);
 *   <li>the last signed checkpoint: still covered, with the same link hash.
 * </ul>
 *
 * Events are named by their id, as the trail shows them.
 */
public final class ChainVerifier {

  public static final String GENESIS = "0".repeat(64);

  private static final String COLUMNS =
      "e.id, e.occurred_at, e.actor_subject, e.actor_username, e.actor_roles, e.actor_team,"
          + " e.action, e.object_type, e.object_id, e.outcome, e.reason, e.details,"
          + " e.client_address, e.request_id, e.mac, e.key_epoch";

  /**
   * The verifier's answer: when intact, the event at the head of the chain ({@code
   * verifiedThrough}); if not, the first broken event and why.
   */
  public record Result(boolean intact, Long verifiedThrough, Long firstBrokenEvent, String reason) {

    static Result intactThrough(Long id) {
      return new Result(true, id == null ? 0 : id, null, null);
    }

    static Result brokenAt(long id, String reason) {
      return new Result(false, null, id, reason);
    }
  }

  private ChainVerifier() {}

  /**
   * The event as the row holds it (columns 1 to 16 of {@link #COLUMNS}), so that its canonical
   * content comes from the one definition in {@link AuditEvent}. An outcome that is not one of
   * Haven's can only be an edit.
   */
  private static AuditEvent asStored(ResultSet row, int from) throws SQLException {
    AuditEvent.Outcome outcome;
    try {
      outcome = AuditEvent.Outcome.valueOf(row.getString(from + 9));
    } catch (IllegalArgumentException | NullPointerException edited) {
      outcome = null;
    }
    OffsetDateTime at = row.getObject(from + 1, OffsetDateTime.class);
    return AuditEvent.stored(
        row.getLong(from),
        at == null ? null : at.toInstant(),
        row.getString(from + 2),
        row.getString(from + 3),
        row.getString(from + 4),
        row.getString(from + 5),
        row.getString(from + 6),
        row.getString(from + 7),
        row.getString(from + 8),
        outcome,
        row.getString(from + 10),
        row.getString(from + 11),
        row.getString(from + 12),
        row.getString(from + 13),
        row.getString(from + 14),
        row.getInt(from + 15));
  }

  /** A re-key's end, recorded by Haven under the epoch it finished. */
  private static boolean finishesRekey(AuditEvent event) {
    return "REKEY_FINISHED".equals(event.getAction())
        && event.getOutcome() == AuditEvent.Outcome.SUCCESS;
  }

  private static String retired(AuditEvent event, int retiredBelow, long retiredAt) {
    return "event "
        + event.getId()
        + " is sealed under key epoch "
        + event.getKeyEpoch()
        + ", retired by the re-key to epoch "
        + retiredBelow
        + " that finished at event "
        + retiredAt
        + ": forged with an old key";
  }

  /** The chain key of an event's epoch; null when Haven never had one (an edited epoch). */
  private static UnaryOperator<String> keyOf(
      IntFunction<Optional<UnaryOperator<String>>> keys, AuditEvent event) {
    return keys.apply(event.getKeyEpoch()).orElse(null);
  }

  /**
   * {@code keys}: the chain key of each key epoch, empty for an epoch that has none (events of
   * every epoch are checked under their own epoch's key).
   */
  public static Result verify(
      Connection db,
      IntFunction<Optional<UnaryOperator<String>>> keys,
      Optional<CheckpointStore.Checkpoint> checkpoint,
      Instant now,
      Duration unsequencedLimit)
      throws SQLException {
    if (checkpoint.isPresent() && !checkpoint.get().signatureValid()) {
      return Result.brokenAt(
          checkpoint.get().eventId(), "the last checkpoint's signature is not valid");
    }
    long expected = 1;
    // The highest key epoch whose re-key has finished, as the chain itself says (REKEY_FINISHED,
    // under that epoch's key): no later event may be sealed under an earlier, retired key.
    int retiredBelow = 0;
    long retiredAt = 0;
    String previous = GENESIS;
    String checkpointHash = null;
    Long head = null;
    try (PreparedStatement query =
        db.prepareStatement(
            "select c.seq, c.event_id, c.previous_hash, c.hash, "
                + COLUMNS
                + " from audit_chain c left join audit_event e on e.id = c.event_id"
                + " order by c.seq")) {
      query.setFetchSize(1000);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          long position = row.getLong(1);
          long id = row.getLong(2);
          String storedPrevious = row.getString(3);
          String stored = row.getString(4);
          if (position != expected) {
            return Result.brokenAt(
                id,
                "chain positions "
                    + expected
                    + (position - 1 > expected ? " to " + (position - 1) : "")
                    + " are missing (event "
                    + id
                    + " at position "
                    + position
                    + " is the next)");
          }
          if (!previous.equals(storedPrevious)) {
            return Result.brokenAt(
                id,
                "event " + id + " does not follow the event before it (position " + position + ")");
          }
          row.getLong(5);
          if (row.wasNull()) {
            return Result.brokenAt(
                id, "event " + id + " (chain position " + position + ") is missing");
          }
          AuditEvent event = asStored(row, 5);
          String mac = event.getMac();
          UnaryOperator<String> keyedHash = keyOf(keys, event);
          if (keyedHash == null) {
            return Result.brokenAt(
                id,
                "event " + id + " names key epoch " + event.getKeyEpoch() + ", which has no key");
          }
          if (mac == null) {
            // Written before the sequencer: the link hash covered the content itself.
            if (!keyedHash.apply(event.legacyCanonical(storedPrevious)).equals(stored)) {
              return Result.brokenAt(
                  id, "event " + id + " was altered or forged: its hash does not match");
            }
          } else {
            if (!keyedHash.apply(event.canonical()).equals(mac)) {
              return Result.brokenAt(
                  id, "event " + id + " was altered or forged: its MAC does not match");
            }
            if (!Sequencer.link(keyedHash, position, id, mac, storedPrevious).equals(stored)) {
              return Result.brokenAt(
                  id,
                  "the chain link of event "
                      + id
                      + " (position "
                      + position
                      + ") was altered or forged");
            }
          }
          if (event.getKeyEpoch() < retiredBelow) {
            return Result.brokenAt(id, retired(event, retiredBelow, retiredAt));
          }
          if (finishesRekey(event)) {
            retiredBelow = event.getKeyEpoch();
            retiredAt = id;
          }
          if (checkpoint.isPresent() && checkpoint.get().position() == position) {
            checkpointHash = stored;
          }
          previous = stored;
          head = id;
          expected++;
        }
      }
    }
    long last = expected - 1;
    if (checkpoint.isPresent()) {
      CheckpointStore.Checkpoint signed = checkpoint.get();
      if (signed.position() > last) {
        return Result.brokenAt(
            signed.eventId(),
            "chain positions "
                + (last + 1)
                + " to "
                + signed.position()
                + " are missing: the signed checkpoint of "
                + signed.at()
                + " covers position "
                + signed.position()
                + " (event "
                + signed.eventId()
                + ")");
      }
      if (!signed.hash().equals(checkpointHash)) {
        return Result.brokenAt(
            signed.eventId(),
            "event "
                + signed.eventId()
                + " (position "
                + signed.position()
                + ") differs from the signed checkpoint");
      }
    }
    Optional<Result> waiting =
        unsequenced(db, keys, now.minus(unsequencedLimit), retiredBelow, retiredAt);
    return waiting.orElse(Result.intactThrough(head));
  }

  /** Events not in the chain: each must carry its own right MAC, and be recent. */
  private static Optional<Result> unsequenced(
      Connection db,
      IntFunction<Optional<UnaryOperator<String>>> keys,
      Instant overdueBefore,
      int retiredBelow,
      long retiredAt)
      throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement(
            "select "
                + COLUMNS
                + " from audit_event e where not exists"
                + " (select 1 from audit_chain c where c.event_id = e.id) order by e.id")) {
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          AuditEvent event = asStored(row, 1);
          long id = event.getId();
          UnaryOperator<String> keyedHash = keyOf(keys, event);
          if (event.getMac() == null
              || keyedHash == null
              || !keyedHash.apply(event.canonical()).equals(event.getMac())) {
            return Optional.of(
                Result.brokenAt(
                    id,
                    "event "
                        + id
                        + " (not yet in the chain) was altered or forged: its MAC does not match"));
          }
          if (event.getKeyEpoch() < retiredBelow) {
            return Optional.of(Result.brokenAt(id, retired(event, retiredBelow, retiredAt)));
          }
          if (event.getOccurredAt() != null && event.getOccurredAt().isBefore(overdueBefore)) {
            return Optional.of(
                Result.brokenAt(
                    id,
                    "event "
                        + id
                        + " of "
                        + event.getOccurredAt()
                        + " was never linked into the chain: the sequencer is stopped, or its"
                        + " queue entry was removed"));
          }
        }
      }
    }
    return Optional.empty();
  }
}
