package org.haven.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

/**
 * One thing that happened: who (Keycloak subject, user name, roles, team), did what (action) to
 * which object, with what outcome, why, from where, in which request. Never a protected value:
 * field names, counts and case numbers only. Immutable once written.
 *
 * <p>Written with its own {@link #mac}, a keyed MAC of its content, so that an edited or forged row
 * is evident without any lock; the sequencer later gives it its place in the chain ({@link
 * #getSequence()}, table {@code audit_chain}). Events written before the sequencer existed carry no
 * MAC: their chain link, a keyed hash of their content and of the link before, vouches for them
 * ({@link #legacyCanonical}).
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

  /**
   * The owner of the chain's keyed-hash key in data_key: the key every event's MAC and every link
   * of the chain are computed with.
   */
  public static final String CHAIN_KEY = "audit:chain";

  /** What an attempt came to. */
  public enum Outcome {
    SUCCESS,
    DENIED,
    NOT_FOUND,
    FAILED
  }

  @Id
  @Column(name = "id")
  private long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "actor_subject", length = 64)
  private String actorSubject;

  @Column(name = "actor_username", length = 255)
  private String actorUsername;

  @Column(name = "actor_roles", length = 128)
  private String actorRoles;

  @Column(name = "actor_team", length = 64)
  private String actorTeam;

  @Column(name = "action", nullable = false, length = 48)
  private String action;

  @Column(name = "object_type", length = 32)
  private String objectType;

  @Column(name = "object_id", length = 64)
  private String objectId;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, length = 16)
  private Outcome outcome;

  @Column(name = "reason", length = 255)
  private String reason;

  @Column(name = "details", length = 4000)
  private String details;

  @Column(name = "client_address", length = 64)
  private String clientAddress;

  @Column(name = "request_id", length = 64)
  private String requestId;

  @Column(name = "mac", length = 64)
  private String mac;

  /**
   * The key epoch of the chain key that made the MAC (and will make the link): a re-key starts a
   * new one, and earlier events keep theirs. Outside the MAC: an edited epoch picks another key,
   * under which the MAC no longer matches.
   */
  @Column(name = "key_epoch", nullable = false)
  private int keyEpoch;

  /** The event's place in the chain; none until the sequencer has linked it. */
  @Formula("(select c.seq from audit_chain c where c.event_id = id)")
  private Long sequence;

  protected AuditEvent() {}

  public AuditEvent(
      long id,
      Instant occurredAt,
      String actorSubject,
      String actorUsername,
      String actorRoles,
      String actorTeam,
      String action,
      String objectType,
      String objectId,
      Outcome outcome,
      String reason,
      String details,
      String clientAddress,
      String requestId) {
    this.id = id;
    this.occurredAt = occurredAt;
    this.actorSubject = actorSubject;
    this.actorUsername = actorUsername;
    this.actorRoles = actorRoles;
    this.actorTeam = actorTeam;
    this.action = action;
    this.objectType = objectType;
    this.objectId = objectId;
    this.outcome = outcome;
    this.reason = reason;
    this.details = details;
    this.clientAddress = clientAddress;
    this.requestId = requestId;
  }

  /** An event as read back from its row, MAC included: for the verifier. */
  public static AuditEvent stored(
      long id,
      Instant occurredAt,
      String actorSubject,
      String actorUsername,
      String actorRoles,
      String actorTeam,
      String action,
      String objectType,
      String objectId,
      Outcome outcome,
      String reason,
      String details,
      String clientAddress,
      String requestId,
      String mac,
      int keyEpoch) {
    AuditEvent event =
        new AuditEvent(
            id,
            occurredAt,
            actorSubject,
            actorUsername,
            actorRoles,
            actorTeam,
            action,
            objectType,
            objectId,
            outcome,
            reason,
            details,
            clientAddress,
            requestId);
    event.mac = mac;
    event.keyEpoch = keyEpoch;
    return event;
  }

  /**
   * Values in a form that cannot be read two ways: every value length-prefixed, absent values
   * marked. What the MAC, the chain links and the checkpoints cover is built with it.
   */
  public static String canonical(Object... values) {
    StringBuilder out = new StringBuilder();
    for (Object value : values) {
      if (value == null) {
        out.append("-;");
      } else {
        String text = value.toString();
        out.append(text.length()).append(':').append(text).append(';');
      }
    }
    return out.toString();
  }

  /** The content the event's MAC covers, its id included; the verifier rebuilds it. */
  public String canonical() {
    return canonical(
        "haven audit event",
        id,
        occurredAt,
        actorSubject,
        actorUsername,
        actorRoles,
        actorTeam,
        action,
        objectType,
        objectId,
        outcome,
        reason,
        details,
        clientAddress,
        requestId);
  }

  /**
   * What the chain hash of an event written before the sequencer covered: its content and the
   * previous event's hash in one. (It starts with the id, a number, so it never reads as {@link
   * #canonical()}.)
   */
  public String legacyCanonical(String previousHash) {
    return canonical(
        id,
        occurredAt,
        actorSubject,
        actorUsername,
        actorRoles,
        actorTeam,
        action,
        objectType,
        objectId,
        outcome,
        reason,
        details,
        clientAddress,
        requestId,
        previousHash);
  }

  /**
   * Stamps the event with the keyed MAC of its content under the chain key of a key epoch; done
   * once, before it is stored.
   */
  public void seal(int epoch, UnaryOperator<String> keyedMac) {
    if (mac != null) {
      throw new IllegalStateException("audit event " + id + " is sealed already");
    }
    this.keyEpoch = epoch;
    this.mac = keyedMac.apply(canonical());
  }

  public long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActorSubject() {
    return actorSubject;
  }

  public String getActorUsername() {
    return actorUsername;
  }

  public String getActorRoles() {
    return actorRoles;
  }

  public String getActorTeam() {
    return actorTeam;
  }

  public String getAction() {
    return action;
  }

  public String getObjectType() {
    return objectType;
  }

  public String getObjectId() {
    return objectId;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getReason() {
    return reason;
  }

  public String getDetails() {
    return details;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  public String getRequestId() {
    return requestId;
  }

  /** The keyed MAC of the event's content; none for events written before the sequencer. */
  public int getKeyEpoch() {
    return keyEpoch;
  }

  public String getMac() {
    return mac;
  }

  public Long getSequence() {
    return sequence;
  }

  @Override
  public String toString() {
    return "AuditEvent[" + id + ", " + action + ", " + objectId + ", " + outcome + "]";
  }
}
