package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.haven.access.boundary.AccessPolicy;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.entity.BreakGlassAccess;
import org.haven.cases.entity.BreakGlassPurpose;
import org.haven.cases.entity.SurvivorCase;
import org.haven.crypto.boundary.FieldCrypto;
import org.haven.problems.Conflict;

/**
 * Break-glass: opening a case outside one's scope in an emergency, read-only, for a short time,
 * with a purpose and a written explanation that the team's supervisors review.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class BreakGlass {

  /** How long a break-glass opening lasts. */
  public static final long BREAK_GLASS_MINUTES = 60;

  @PersistenceContext EntityManager em;

  @Inject AccessPolicy access;
  @Inject AuditTrail audit;
  @Inject CaseRecords records;
  @Inject FieldCrypto crypto;
  @Inject CaseOpener opener;

  /**
   * Opens a case outside the caller's scope in an emergency, for a coded purpose and a written
   * explanation, for {@link #BREAK_GLASS_MINUTES} minutes, read-only. The team's supervisors see it
   * ({@link #emergencyAccesses()}); the trail records it. Empty if no such case.
   */
  public Optional<CaseFile> breakGlass(
      String caseNumber,
      @NotNull(message = "choose the purpose") BreakGlassPurpose purpose,
      @NotNull(message = "explain in writing why you need this case now")
          @Size(min = 20, max = 2000, message = "explain in 20 to 2000 characters")
          String explanation) {
    access.requireMayBreakGlass();
    if (records.readable(caseNumber).isPresent()) {
      throw new Conflict("You can already open case " + caseNumber + "; no break-glass needed.");
    }
    Optional<SurvivorCase> found =
        caseNumber == null || caseNumber.length() > 20
            ? Optional.empty()
            : em.createQuery(
                    "select c from SurvivorCase c where c.caseNumber = :n", SurvivorCase.class)
                .setParameter("n", caseNumber)
                .getResultStream()
                .findFirst();
    if (found.isEmpty()) {
      audit.record(
          Entry.onCase(AuditAction.BREAK_GLASS, caseNumber)
              .outcome(Outcome.NOT_FOUND)
              .reason(purpose.name()));
      return Optional.empty();
    }
    SurvivorCase c = found.get();
    Instant now = Instant.now();
    BreakGlassAccess grant =
        new BreakGlassAccess(
            c, access.actor(), purpose, now, now.plus(BREAK_GLASS_MINUTES, ChronoUnit.MINUTES));
    em.persist(grant);
    access.brokeGlass();
    crypto.cipherOf(c.dataKeyOwner()).ifPresent(cipher -> grant.explain(cipher, explanation));
    em.flush();
    audit.record(
        Entry.onCase(AuditAction.BREAK_GLASS, caseNumber)
            .reason(purpose.name())
            .details(
                "case of team "
                    + c.getOwningTeam()
                    + "; read-only until "
                    + grant.getExpiresAt()
                    + "; team supervisors notified"));
    return Optional.of(opener.open(c));
  }

  /**
   * The break-glass openings of the supervisor's team's cases in the last 30 days, newest first,
   * explanations opened: what supervisors must review.
   */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public List<EmergencyAccess> emergencyAccesses() {
    String team = access.ownTeam().orElse("");
    List<BreakGlassAccess> grants =
        em.createQuery(
                "select b from BreakGlassAccess b where b.survivorCase.owningTeam = :team"
                    + " and b.grantedAt > :since order by b.grantedAt desc",
                BreakGlassAccess.class)
            .setParameter("team", team)
            .setParameter("since", Instant.now().minus(30, ChronoUnit.DAYS))
            .setMaxResults(200)
            .getResultList();
    List<EmergencyAccess> shown = new ArrayList<>();
    for (BreakGlassAccess b : grants) {
      SurvivorCase c = b.getSurvivorCase();
      String explanation = records.openerFor(c).map(b::explanation).orElse(null);
      shown.add(
          new EmergencyAccess(
              c.getCaseNumber(),
              b.getStaff().getUsername(),
              b.getStaff().getDisplayName(),
              b.getPurpose(),
              explanation,
              b.getGrantedAt(),
              b.getExpiresAt()));
    }
    audit.record(
        Entry.of(AuditAction.BREAK_GLASS_REVIEWED, "case", null)
            .details(
                "shown: "
                    + AuditTrail.caseNumbers(
                        shown.stream().map(EmergencyAccess::caseNumber).toList())));
    return shown;
  }
}
