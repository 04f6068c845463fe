package org.haven.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.hibernate.annotations.Immutable;

/**
 * One thing that happened: who (Keycloak subject, user name, roles, team), did what (action) to
 * which object, with what outcome, why, from where, in which request. Never a protected value:
 * field names, counts and case numbers only. Immutable once written; chained by {@link #hash}.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

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

  @Column(name = "previous_hash", nullable = false, length = 64)
  private String previousHash;

  @Column(name = "hash", nullable = false, length = 64)
  private String hash;

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

  /** An event as read back from its row, previous hash included: for the verifier. */
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
      String previousHash) {
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
    event.previousHash = previousHash;
    return event;
  }

  /**
   * The content the hash covers, in a form that cannot be read two ways: every value
   * length-prefixed, absent values marked. The verifier rebuilds it from the columns.
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

  public String canonical() {
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

  /** Links the event after {@code previous} and computes its hash with the chain's keyed hash. */
  public void chainAfter(String previous, UnaryOperator<String> keyedHash) {
    this.previousHash = previous;
    this.hash = keyedHash.apply(canonical());
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

  public String getPreviousHash() {
    return previousHash;
  }

  public String getHash() {
    return hash;
  }

  @Override
  public String toString() {
    return "AuditEvent[" + id + ", " + action + ", " + objectId + ", " + outcome + "]";
  }
}
