package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.entity.StaffMember;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.entity.BreakGlassAccess;
import org.haven.cases.entity.BreakGlassPurpose;
import org.haven.cases.entity.SurvivorCase;
import org.haven.database.control.RowLocks;
import org.haven.paging.Page;
import org.haven.paging.PageRequest;
import org.haven.problems.Conflict;
import org.haven.problems.TooMany;

/**
 * Break-glass: opening a case outside one's scope in an emergency, read-only, for a short time,
 * with a purpose and a written explanation that the team's supervisors review, and that tells them
 * at once. A few openings a day per person at most.
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
  @Inject CaseOpener opener;
  @Inject Event<GlassBroken> broken;

  @Inject
  @ConfigProperty(name = "haven.break-glass.daily-limit", defaultValue = "3")
  int dailyLimit;

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
    StaffMember me = access.actor();
    Instant now = Instant.now();
    requireUnderDailyLimit(me, caseNumber, purpose, now);
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
    BreakGlassAccess grant =
        new BreakGlassAccess(
            c, me, purpose, now, now.plus(BREAK_GLASS_MINUTES, ChronoUnit.MINUTES));
    em.persist(grant);
    access.brokeGlass();
    records.sealerFor(c).ifPresent(cipher -> grant.explain(cipher, explanation));
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
    // Also about the team, so that its supervisors read the opening in their audit view.
    audit.record(
        Entry.of(AuditAction.BREAK_GLASS, "team", c.getOwningTeam())
            .reason(purpose.name())
            .details(
                "case "
                    + c.getCaseNumber()
                    + " opened by break-glass by "
                    + me.getUsername()
                    + "; read-only until "
                    + grant.getExpiresAt()));
    broken.fire(new GlassBroken(c.getCaseNumber(), c.getOwningTeam(), me.getUsername(), purpose));
    return Optional.of(opener.open(c));
  }

  /**
   * At most {@code HAVEN_BREAK_GLASS_DAILY_LIMIT} openings per person in 24 hours: an emergency is
   * rare, and case numbers are sequential, so without a limit break-glass would read a team's cases
   * one after the other. Asked before the case is looked up, so that the refusal says nothing about
   * whether the case exists. The person's row is locked so that parallel openings cannot all pass
   * the count.
   */
  private void requireUnderDailyLimit(
      StaffMember me, String caseNumber, BreakGlassPurpose purpose, Instant now) {
    int limit = Math.max(1, dailyLimit); // 0 or less would be a setting mistake, not "none"
    RowLocks.lockForCounting(em, "staff_member", me.getId());
    List<Instant> recent =
        em.createQuery(
                "select b.grantedAt from BreakGlassAccess b where b.staff = :me"
                    + " and b.grantedAt > :since order by b.grantedAt",
                Instant.class)
            .setParameter("me", me)
            .setParameter("since", now.minus(1, ChronoUnit.DAYS))
            .getResultList();
    if (recent.size() < limit) {
      return;
    }
    Instant freeFrom = recent.get(recent.size() - limit).plus(1, ChronoUnit.DAYS);
    audit.recordApart(
        Entry.onCase(AuditAction.BREAK_GLASS, caseNumber)
            .outcome(Outcome.DENIED)
            .reason(purpose.name())
            .details("daily limit of " + limit + " break-glass openings reached"));
    throw new TooMany(
        "You have opened "
            + recent.size()
            + " cases by break-glass in the last 24 hours, the most Haven allows"
            + " (HAVEN_BREAK_GLASS_DAILY_LIMIT = "
            + limit
            + "). Ask a supervisor of the case's team to assign it to you; your next"
            + " break-glass opening is possible from "
            + freeFrom.truncatedTo(ChronoUnit.MINUTES)
            + ".");
  }

  /**
   * The break-glass openings of the supervisor's team's cases in the last 30 days, newest first,
   * explanations opened, one page at a time: what supervisors must review, all of it.
   */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public Page<EmergencyAccess> emergencyAccesses(PageRequest request) {
    Optional<String> supervised = access.supervisedTeam();
    if (supervised.isEmpty()) {
      return new Page<>(List.of(), request.page(), request.size(), 0);
    }
    String team = supervised.get();
    Instant since = Instant.now().minus(30, ChronoUnit.DAYS);
    long total =
        em.createQuery(
                "select count(b) from BreakGlassAccess b where b.survivorCase.owningTeam = :team"
                    + " and b.grantedAt > :since",
                Long.class)
            .setParameter("team", team)
            .setParameter("since", since)
            .getSingleResult();
    List<BreakGlassAccess> grants =
        em.createQuery(
                "select b from BreakGlassAccess b join fetch b.survivorCase join fetch b.staff"
                    + " where b.survivorCase.owningTeam = :team and b.grantedAt > :since"
                    + " order by b.grantedAt desc, b.id desc",
                BreakGlassAccess.class)
            .setParameter("team", team)
            .setParameter("since", since)
            .setFirstResult(request.offset())
            .setMaxResults(request.size())
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
                "page "
                    + request.page()
                    + "; shown: "
                    + AuditTrail.caseNumbers(
                        shown.stream().map(EmergencyAccess::caseNumber).toList())));
    return new Page<>(shown, request.page(), request.size(), total);
  }
}
