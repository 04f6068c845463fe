package org.haven.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.CaseScope;
import org.haven.access.entity.StaffMember;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.CaseStatusChange;
import org.haven.cases.entity.StatusChangeKind;
import org.haven.cases.entity.SurvivorCase;
import org.haven.crypto.boundary.FieldCrypto;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.database.control.Where;
import org.haven.problems.Checks;
import org.haven.problems.Conflict;
import org.haven.problems.NotFound;

/**
 * Finds the case a boundary works on, as far as the caller's scope ({@link AccessPolicy}) reaches,
 * and holds the checks every change to a case makes. The case feature's boundaries (through {@link
 * CaseActions}) and the referrals all come here, so a case out of scope is equally absent from each
 * of them. Runs inside the calling boundary's transaction.
 */
@ApplicationScoped
public class CaseRecords {

  @PersistenceContext EntityManager em;
  @Inject AccessPolicy access;
  @Inject AuditTrail audit;
  @Inject FieldCrypto crypto;

  /** The record with this number if the caller may see it (break-glass included), not opened. */
  public Optional<SurvivorCase> readable(String caseNumber) {
    return inScope(caseNumber, access.caseScope());
  }

  /**
   * The record if the caller may change it: break-glass opens a case for reading only. The
   * survivor's key is share-locked before any row of the case is written, in the order a re-key
   * takes them (key, then rows), so the two never deadlock; if a re-key committed since the case
   * was read, the case is read again with the values sealed under the new key.
   */
  public Optional<SurvivorCase> changeable(String caseNumber) {
    return inScope(caseNumber, access.caseScope().withoutBreakGlass())
        .map(
            c -> {
              if (!c.isErased() && crypto.lockForChange(c.dataKeyOwner())) {
                em.refresh(c);
              }
              return c;
            });
  }

  /**
   * Whether the caller sees this case only through a break-glass opening: to read, not to change.
   * One more query, for the cases opened that way only.
   */
  public boolean onlyByBreakGlass(SurvivorCase c) {
    CaseScope scope = access.caseScope();
    return scope.emergencyCases().contains(c.getId())
        && inScope(c.getCaseNumber(), scope.withoutBreakGlass()).isEmpty();
  }

  /** Like {@link #readable}, with the attempt on an absent case recorded in the trail. */
  public Optional<SurvivorCase> readable(String caseNumber, AuditAction action) {
    return recorded(readable(caseNumber), action, caseNumber);
  }

  /** Like {@link #changeable}, with the attempt on an absent case recorded in the trail. */
  public Optional<SurvivorCase> changeable(String caseNumber, AuditAction action) {
    return recorded(changeable(caseNumber), action, caseNumber);
  }

  private <T> Optional<T> recorded(Optional<T> found, AuditAction action, String caseNumber) {
    if (found.isEmpty()) {
      audit.record(Entry.onCase(action, caseNumber).outcome(Outcome.NOT_FOUND));
    }
    return found;
  }

  private Optional<SurvivorCase> inScope(String caseNumber, CaseScope scope) {
    if (caseNumber == null || caseNumber.length() > 20) {
      return Optional.empty();
    }
    Where where = scope("c", scope).and("c.caseNumber = :caseNumber", "caseNumber", caseNumber);
    return where
        .bind(
            em.createQuery(
                "select c, k from SurvivorCase c "
                    + WITH_DATA_KEY
                    // What opening a case reads (an entity graph would cost a translation each
                    // time).
                    + " left join fetch c.riskAssessedBy left join fetch c.exploitationCodes"
                    + " left join fetch c.assignments where "
                    + where.text(),
                Object[].class))
        .getResultStream()
        .findFirst()
        .map(row -> (SurvivorCase) row[0]);
  }

  /**
   * Loads each case's data key in the same statement (into the persistence context, where opening
   * the case finds it): {@code select c, k from SurvivorCase c WITH_DATA_KEY where …}.
   */
  public static final String WITH_DATA_KEY =
      "left join DataKey k on k.owner = concat('"
          + SurvivorCase.DATA_KEY_OWNER_PREFIX
          + "', c.caseNumber)";

  /** Which of these case numbers the caller may see (break-glass included): one query for all. */
  public Set<String> readableNumbers(Collection<String> caseNumbers) {
    if (caseNumbers.isEmpty()) {
      return Set.of();
    }
    Where where =
        scope("c", access.caseScope()).and("c.caseNumber in :numbers", "numbers", caseNumbers);
    return Set.copyOf(
        where
            .bind(
                em.createQuery(
                    "select c.caseNumber from SurvivorCase c where " + where.text(), String.class))
            .getResultList());
  }

  /**
   * The caller's scope as a JPQL condition on the cases named {@code c}: the one translation of
   * {@link CaseScope}.
   */
  public static Where scope(String c, CaseScope scope) {
    Where where = new Where();
    String regular =
        switch (scope.reach()) {
          case TEAM -> {
            where.parameter("scopeTeam", scope.team());
            yield c + ".owningTeam = :scopeTeam";
          }
          case OWN_ASSIGNMENTS -> {
            // By the staff id: the assignment's own column, no join to find the subject.
            where.parameter("scopeStaff", scope.staffId());
            yield "exists (select 1 from CaseAssignment scopeAssignment"
                + " where scopeAssignment.survivorCase = "
                + c
                + " and scopeAssignment.caseworker.id = :scopeStaff"
                + " and scopeAssignment.endedAt is null)";
          }
          case NOTHING -> "1 = 0";
        };
    if (scope.emergencyCases().isEmpty()) {
      return where.and(regular);
    }
    return where
        .parameter("emergencyCases", scope.emergencyCases())
        .and("(" + regular + " or " + c + ".id in :emergencyCases)");
  }

  /**
   * A part of a case (a consent, a goal, an action, a task) by its id, if it belongs to {@code c};
   * otherwise {@link NotFound}, so that the id of another case's part tells nothing.
   */
  public <T> T partOf(
      SurvivorCase c, Class<T> type, Object id, Function<T, SurvivorCase> owner, String what) {
    T part = em.find(type, id);
    if (part == null || !owner.apply(part).equals(c)) {
      throw new NotFound(what, id);
    }
    return part;
  }

  /**
   * The cipher to seal the survivor's new values with; the key is made on first use for older
   * cases. Share-locks the key until the change commits, so that a re-key reseals what it seals.
   */
  public FieldCipher cipherFor(SurvivorCase c) {
    refuseIfErased(c);
    return crypto
        .cipherForChange(c.dataKeyOwner())
        .orElseGet(() -> crypto.newDataKey(c.dataKeyOwner()));
  }

  /**
   * Writes a step of the case's history (a move, an approval, a return, a correction): the one
   * place it is written, with its reason, if any, sealed with the survivor's key.
   */
  public void history(
      SurvivorCase c,
      CaseStatus from,
      CaseStatus to,
      StatusChangeKind kind,
      StaffMember by,
      Instant at,
      String reason) {
    CaseStatusChange entry = new CaseStatusChange(c, from, to, kind, by, at);
    em.persist(entry);
    if (reason != null && !reason.isBlank()) {
      sealerFor(c).ifPresent(cipher -> entry.explain(cipher, reason));
    }
  }

  /** Like {@link #cipherFor}, empty rather than refused once the survivor's data is erased. */
  public Optional<FieldCipher> sealerFor(SurvivorCase c) {
    return c.isErased() ? Optional.empty() : crypto.cipherForChange(c.dataKeyOwner());
  }

  /** The cipher to open a case's sealed values; empty once the survivor's data is erased. */
  public Optional<FieldCipher> openerFor(SurvivorCase c) {
    return c.isErased() ? Optional.empty() : crypto.cipherOf(c.dataKeyOwner());
  }

  /** A decision that only the supervisors of the case's own team make. */
  public void requireSupervisorOf(SurvivorCase c) {
    access.requireSupervisorOf(c.getOwningTeam(), "only the supervisors of the case's team decide");
  }

  /** A caller who read version N changes only version N: anything else is a conflicting edit. */
  public static void checkVersion(SurvivorCase c, Long expectedVersion) {
    Checks.checkVersion("case " + c.getCaseNumber(), c.getVersion(), expectedVersion);
  }

  public static void refuseIfErased(SurvivorCase c) {
    if (c.isErased()) {
      throw new Conflict("The survivor's data in case " + c.getCaseNumber() + " is erased.");
    }
  }
}
