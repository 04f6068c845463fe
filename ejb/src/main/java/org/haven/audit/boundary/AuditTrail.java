package org.haven.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.Caller;
import org.haven.audit.control.AuditIds;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.haven.audit.entity.PendingEvent;
import org.haven.crypto.boundary.FieldCrypto;

/**
 * The one place that writes the audit trail. An event joins the transaction of the change it
 * records ({@link #record}): a rolled-back change leaves no event, a committed one always has its
 * event. Denials and sign-ins, which change nothing, get a transaction of their own ({@link
 * #recordApart}). The actor, time, client address and request id come from the call itself; the
 * caller says only what happened, and never with a protected value.
 *
 * <p>Writing takes no lock: each event carries the keyed MAC of its own content and waits in {@code
 * audit_pending} for the sequencer ({@code AuditSequencer}), which links committed events into the
 * chain shortly after (docs/security/audit-trail.md).
 */
@Stateless
@PermitAll
public class AuditTrail {

  /** Case numbers are safe to record; anything else a user typed where one belongs is not. */
  private static final Pattern CASE_NUMBER = Pattern.compile("HVN-\\d{4}-\\d{6,}");

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject FieldCrypto crypto;
  @Inject AuditIds ids;
  @Resource SessionContext context;

  /** What happened, to what, how it ended, why, and non-protected details. */
  public record Entry(
      AuditAction action,
      String objectType,
      String objectId,
      Outcome outcome,
      String reason,
      String details) {

    public static Entry of(AuditAction action, String objectType, String objectId) {
      return new Entry(action, objectType, objectId, Outcome.SUCCESS, null, null);
    }

    /** The entry for a case, its number kept only if it is one (user input may be anything). */
    public static Entry onCase(AuditAction action, String caseNumber) {
      return of(action, "case", safeCaseNumber(caseNumber));
    }

    public Entry outcome(Outcome value) {
      return new Entry(action, objectType, objectId, value, reason, details);
    }

    public Entry reason(String value) {
      return new Entry(action, objectType, objectId, outcome, value, details);
    }

    public Entry details(String value) {
      return new Entry(action, objectType, objectId, outcome, reason, value);
    }
  }

  /** A case number as given, or a marker when the value is not one and could be anything. */
  public static String safeCaseNumber(String value) {
    return value != null && CASE_NUMBER.matcher(value).matches() ? value : "(not a case number)";
  }

  /** Case numbers as a detail: "shown: HVN-…, HVN-…". */
  public static String caseNumbers(Collection<String> numbers) {
    return numbers.stream().map(AuditTrail::safeCaseNumber).collect(Collectors.joining(","));
  }

  /** Records an event in the caller's transaction, which must exist. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public AuditEvent record(Entry entry) {
    return append(entry);
  }

  /** Records an event in a transaction of its own: for what changes nothing else. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public AuditEvent recordApart(Entry entry) {
    return append(entry);
  }

  /**
   * Records, in a transaction of its own, the refusals of requests without a caller that came from
   * one address in one window ({@link AnonymousRefusals}): one event carrying their count.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public AuditEvent recordAnonymousRefusals(String clientAddress, long count, String details) {
    Caller nobody = new Caller();
    nobody.request(clientAddress, null);
    return append(
        Entry.of(AuditAction.ACCESS_DENIED, "request", "without a caller")
            .outcome(Outcome.DENIED)
            .details("requests: " + count + "; " + details),
        nobody);
  }

  /**
   * How many times, up to {@code atMost}, the caller did this successfully since then, as the trail
   * counts it: the count behind a per-person limit that must hold across every server of one
   * database. Counting stops at the limit, so a busy person costs no more than a quiet one.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public long callerSuccessesSince(
      AuditAction action, String objectType, Instant since, int atMost) {
    Caller who = currentCaller();
    if (!who.isIdentified()) {
      return 0;
    }
    return em.createQuery(
            "select e.id from AuditEvent e where e.actorSubject = :subject"
                + " and e.action = :action and e.occurredAt > :since"
                + " and e.objectType = :type and e.outcome = :success",
            Long.class)
        .setParameter("subject", who.subject())
        .setParameter("action", action.name())
        .setParameter("type", objectType)
        .setParameter("success", Outcome.SUCCESS)
        .setParameter("since", since)
        .setMaxResults(atMost)
        .getResultList()
        .size();
  }

  /** Writes the event, sealed with its MAC, and queues it for the sequencer: no lock, no wait. */
  private AuditEvent append(Entry entry) {
    return append(entry, currentCaller());
  }

  private AuditEvent append(Entry entry, Caller who) {
    AuditEvent event =
        new AuditEvent(
            ids.next(),
            Instant.now().truncatedTo(ChronoUnit.MICROS),
            who.subject(),
            who.username(),
            who.isIdentified() ? roles() : null,
            who.team().orElse(null),
            entry.action().name(),
            entry.objectType(),
            clip(entry.objectId(), 64),
            entry.outcome(),
            clip(entry.reason(), 255),
            clip(entry.details(), 4000),
            clip(who.clientAddress(), 64),
            clip(who.requestId(), 64));
    int epoch = crypto.currentEpoch();
    event.seal(epoch, crypto.keyedHash(AuditEvent.CHAIN_KEY, epoch));
    em.persist(event);
    em.persist(new PendingEvent(event.getId()));
    return event;
  }

  /** The request's caller; nobody (Haven itself) for work outside a request, such as a job. */
  private Caller currentCaller() {
    try {
      caller.isIdentified();
      return caller;
    } catch (ContextNotActiveException noRequest) {
      return new Caller();
    }
  }

  private String roles() {
    String roles =
        Stream.of(AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR, AccessPolicy.ADMIN)
            .filter(this::callerInRole)
            .collect(Collectors.joining(","));
    return roles.isEmpty() ? null : roles;
  }

  private boolean callerInRole(String role) {
    try {
      return context.isCallerInRole(role);
    } catch (IllegalStateException noSecurityContext) {
      return false;
    }
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
