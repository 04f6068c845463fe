package org.haven.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.AuditScope;
import org.haven.audit.control.AuditSequencer;
import org.haven.audit.control.ChainVerifier;
import org.haven.audit.control.CheckpointStore;
import org.haven.audit.control.Checkpoints;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.haven.crypto.boundary.FieldCrypto;
import org.haven.database.boundary.DatabaseMigrations;
import org.haven.paging.Page;
import org.haven.paging.PageRequest;
import org.hibernate.jpa.HibernateHints;

/**
 * Reading the audit trail: the viewer's pages and CSV export (each caller within {@link
 * AccessPolicy#auditScope()}), and the chain's verification for administrators. Exports and
 * verifications are themselves audited.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR, AccessPolicy.ADMIN})
public class AuditReview {

  /** An export holds at most this many events; narrow the filters for more. */
  public static final int MAX_EXPORT = 50_000;

  /** Rows read from the database at a time while exporting. */
  private static final int BATCH = 500;

  @PersistenceContext EntityManager em;
  @Inject AccessPolicy access;
  @Inject AuditTrail audit;
  @Inject FieldCrypto crypto;
  @Inject Checkpoints checkpoints;
  @Inject AuditSequencer sequencer;

  /** How long a committed event may wait for its place in the chain before that is a fault. */
  @Inject
  @ConfigProperty(name = "haven.audit.unsequenced.limit.seconds", defaultValue = "330")
  long unsequencedLimitSeconds;

  @Resource(lookup = DatabaseMigrations.DATASOURCE)
  DataSource dataSource;

  /** A page of the events the caller may read, newest first. */
  public Page<AuditEvent> events(AuditQuery query, PageRequest request) {
    AuditQuery filters = query == null ? AuditQuery.ALL : query;
    List<AuditEvent> items =
        em.createQuery(select(filters))
            .setFirstResult(request.offset())
            .setMaxResults(request.size())
            .getResultList();
    return new Page<>(items, request.page(), request.size(), count(filters));
  }

  /**
   * The events the caller may read as CSV, oldest first, written to {@code out} as they are read:
   * the newest {@value #MAX_EXPORT} at most, never all of them in memory at once (rows come from
   * the database a few hundred at a time and leave the persistence context once written). The
   * export is recorded.
   */
  public void export(AuditQuery query, OutputStream to) throws IOException {
    AuditQuery filters = query == null ? AuditQuery.ALL : query;
    // The oldest of the newest MAX_EXPORT events: the export starts there.
    Long from =
        em.createQuery(select(filters, false, null))
            .setFirstResult(MAX_EXPORT - 1)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .map(AuditEvent::getId)
            .orElse(null);
    // Recorded in a transaction of its own before the first row leaves: a client that aborts the
    // download, or reads it slower than the transaction lives, still leaves the export's event.
    audit.recordApart(
        AuditTrail.Entry.of(AuditAction.AUDIT_EXPORTED, "audit", null)
            .details("newest " + MAX_EXPORT + " at most; filters: " + filters.describe()));
    Writer out = new OutputStreamWriter(to, StandardCharsets.UTF_8);
    out.write(
        "id,occurredAt,actorUsername,actorSubject,actorRoles,actorTeam,action,objectType,"
            + "objectId,outcome,reason,details,clientAddress,requestId,hash,sequence\n");
    try (Stream<AuditEvent> events =
        em.createQuery(select(filters, true, from))
            .setHint(HibernateHints.HINT_FETCH_SIZE, BATCH)
            .getResultStream()) {
      for (AuditEvent e : (Iterable<AuditEvent>) events::iterator) {
        out.write(
            String.join(
                ",",
                cell(e.getId()),
                cell(e.getOccurredAt()),
                cell(e.getActorUsername()),
                cell(e.getActorSubject()),
                cell(e.getActorRoles()),
                cell(e.getActorTeam()),
                cell(e.getAction()),
                cell(e.getObjectType()),
                cell(e.getObjectId()),
                cell(e.getOutcome()),
                cell(e.getReason()),
                cell(e.getDetails()),
                cell(e.getClientAddress()),
                cell(e.getRequestId()),
                cell(e.getMac()),
                cell(e.getSequence())));
        out.write('\n');
        em.detach(e);
      }
    }
    out.flush();
  }

  /**
   * Checks the whole trail against its MACs, the chain's links and the last signed checkpoint,
   * after linking what committed just before (where this server is the sequencer).
   */
  @RolesAllowed(AccessPolicy.ADMIN)
  public ChainVerifier.Result verify() {
    sequencer.drain();
    ChainVerifier.Result result;
    try (Connection db = dataSource.getConnection()) {
      result =
          ChainVerifier.verify(
              db,
              epoch -> crypto.existingKeyedHash(AuditEvent.CHAIN_KEY, epoch),
              checkpoints.latest(),
              Instant.now(),
              Duration.ofSeconds(unsequencedLimitSeconds));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail", e);
    }
    audit.record(
        AuditTrail.Entry.of(AuditAction.AUDIT_VERIFIED, "audit", null)
            .outcome(result.intact() ? Outcome.SUCCESS : Outcome.FAILED)
            .details(
                result.intact()
                    ? "intact through event " + result.verifiedThrough()
                    : "broken at event " + result.firstBrokenEvent()));
    return result;
  }

  /** Signs a checkpoint of the chain's head now, rather than at the next interval. */
  @RolesAllowed(AccessPolicy.ADMIN)
  public Optional<CheckpointStore.Checkpoint> checkpoint() {
    sequencer.drain();
    return checkpoints.writeIfAdvanced();
  }

  private CriteriaQuery<AuditEvent> select(AuditQuery filters) {
    return select(filters, false, null);
  }

  /** The caller's events under these filters, by id, from {@code fromId} on if given. */
  private CriteriaQuery<AuditEvent> select(AuditQuery filters, boolean oldestFirst, Long fromId) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEvent> query = cb.createQuery(AuditEvent.class);
    Root<AuditEvent> root = query.from(AuditEvent.class);
    List<Predicate> where = new ArrayList<>(List.of(conditions(cb, root, filters)));
    if (fromId != null) {
      where.add(cb.ge(root.get("id"), fromId));
    }
    return query
        .select(root)
        .where(where.toArray(Predicate[]::new))
        .orderBy(oldestFirst ? cb.asc(root.get("id")) : cb.desc(root.get("id")));
  }

  private long count(AuditQuery filters) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<AuditEvent> root = query.from(AuditEvent.class);
    return em.createQuery(query.select(cb.count(root)).where(conditions(cb, root, filters)))
        .getSingleResult();
  }

  private static Predicate notAboutATeam(CriteriaBuilder cb, Root<AuditEvent> root) {
    return cb.or(cb.isNull(root.get("objectType")), cb.notEqual(root.get("objectType"), "team"));
  }

  private Predicate[] conditions(CriteriaBuilder cb, Root<AuditEvent> root, AuditQuery f) {
    List<Predicate> where = new ArrayList<>();
    AuditScope scope = access.auditScope();
    switch (scope.reach()) {
      case ALL -> {}
      case TEAM ->
          // What the team's members did, and what was done about the team (its access changed, its
          // cases matched by a duplicate check) by anyone; never what a member's action recorded
          // about another team, which is that team's to read.
          where.add(
              cb.or(
                  cb.and(
                      cb.equal(root.get("actorTeam"), scope.team()),
                      cb.or(notAboutATeam(cb, root), cb.equal(root.get("objectId"), scope.team()))),
                  cb.and(
                      cb.equal(root.get("objectType"), "team"),
                      cb.equal(root.get("objectId"), scope.team()))));
      case OWN ->
          // One's own actions, but not what they recorded for a team's supervisors (the numbers of
          // cases a duplicate check matched that one may not open).
          where.add(
              cb.and(cb.equal(root.get("actorSubject"), scope.subject()), notAboutATeam(cb, root)));
      case NOTHING -> where.add(cb.disjunction());
    }
    if (f.caseNumber() != null && !f.caseNumber().isBlank()) {
      where.add(cb.equal(root.get("objectId"), f.caseNumber().trim()));
    }
    if (f.username() != null && !f.username().isBlank()) {
      where.add(cb.equal(root.get("actorUsername"), f.username().trim()));
    }
    if (f.action() != null) {
      where.add(cb.equal(root.get("action"), f.action().name()));
    }
    if (f.from() != null) {
      where.add(
          cb.greaterThanOrEqualTo(
              root.get("occurredAt"), f.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    if (f.to() != null) {
      where.add(
          cb.lessThan(
              root.get("occurredAt"), f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    return where.toArray(Predicate[]::new);
  }

  /**
   * One CSV cell, safe to open in a spreadsheet: a value a spreadsheet would take for a formula
   * (starting with {@code = + - @}, a tab or a carriage return; OWASP's CSV injection advice) gets
   * a leading apostrophe, and a value with a separator, quote or line break is quoted.
   */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    // A semicolon too: spreadsheets set to French or Arabic split cells on it, and "x;=cmd" would
    // otherwise become a formula cell of its own.
    if (text.contains(",")
        || text.contains(";")
        || text.contains("\"")
        || text.contains("\n")
        || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
