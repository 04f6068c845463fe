package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.CaseScope;
import org.haven.access.boundary.Staff;
import org.haven.access.entity.StaffMember;
import org.haven.cases.control.CaseNumbers;
import org.haven.cases.entity.CaseAssignment;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.SurvivorCase;
import org.haven.paging.Page;
import org.haven.paging.PageRequest;
import org.haven.problems.InvalidField;

/**
 * The case files of survivors: registering a case, opening one by its number, listing them,
 * choosing who works on them. Every view and REST resource goes through here; this is where the
 * transaction starts and where {@link AccessPolicy}'s scope is applied to every query, so that a
 * case outside the caller's scope is exactly as absent as a case that does not exist.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseFiles {

  @PersistenceContext EntityManager em;

  @Inject CaseNumbers caseNumbers;
  @Inject AccessPolicy access;
  @Inject Staff staff;

  /**
   * Registers an intake as a new case in status OPEN of the caller's team. A caseworker's case is
   * theirs; a supervisor names a caseworker of the team ({@code assignee}, a user name) or leaves
   * the case unassigned for now.
   */
  public SurvivorCase register(@NotNull @Valid SurvivorCase intake, String assignee) {
    String team = access.teamForNewCases();
    StaffMember actor = access.actor();
    Instant now = Instant.now();
    StaffMember caseworker = caseworkerFor(team, actor, assignee);
    intake.register(caseNumbers.next(now), team);
    em.persist(intake);
    if (caseworker != null) {
      intake.assignTo(caseworker, actor, now);
    }
    em.flush();
    return loaded(intake);
  }

  /** Gives a case to another caseworker of its team: supervisors only. Empty if out of scope. */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public Optional<SurvivorCase> reassign(String caseNumber, String caseworkerUsername) {
    Optional<SurvivorCase> found = find(caseNumber);
    found.ifPresent(
        c -> {
          if (!access.mayAssignWithin(c.getOwningTeam())) {
            throw new jakarta.ejb.EJBAccessException("only the team's supervisors reassign");
          }
          StaffMember caseworker =
              caseworkerOfTeam(c.getOwningTeam(), caseworkerUsername, "caseworker");
          if (!c.currentCaseworker().filter(caseworker::equals).isPresent()) {
            c.assignTo(caseworker, access.actor(), Instant.now());
          }
        });
    em.flush();
    return found;
  }

  /** The caseworkers a supervisor can give cases to; nobody for a caseworker. */
  public List<StaffMember> assignableCaseworkers() {
    CaseScope scope = access.caseScope();
    return scope.reach() == CaseScope.Reach.TEAM && access.mayAssignWithin(scope.team())
        ? staff.caseworkersOf(scope.team())
        : List.of();
  }

  /** The case with this number, if the caller may see it. */
  public Optional<SurvivorCase> find(String caseNumber) {
    if (caseNumber == null || caseNumber.length() > 20) {
      return Optional.empty();
    }
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<SurvivorCase> query = cb.createQuery(SurvivorCase.class);
    Root<SurvivorCase> root = query.from(SurvivorCase.class);
    query
        .select(root)
        .where(
            cb.equal(root.get("caseNumber"), caseNumber),
            inScope(cb, query, root, access.caseScope()));
    return em.createQuery(query).getResultStream().findFirst().map(CaseFiles::loaded);
  }

  /** How many cases the caller may see. */
  public long count() {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<SurvivorCase> root = query.from(SurvivorCase.class);
    query.select(cb.count(root)).where(inScope(cb, query, root, access.caseScope()));
    return em.createQuery(query).getSingleResult();
  }

  /** A page of the cases the caller may see; unknown sort keys fall back to newest first. */
  public Page<SurvivorCase> list(@NotNull PageRequest request) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<SurvivorCase> query = cb.createQuery(SurvivorCase.class);
    Root<SurvivorCase> root = query.from(SurvivorCase.class);
    query
        .select(root)
        .where(inScope(cb, query, root, access.caseScope()))
        .orderBy(ordering(cb, root, request));
    List<SurvivorCase> items =
        em.createQuery(query)
            .setFirstResult(request.offset())
            .setMaxResults(request.size())
            .getResultList();
    items.forEach(CaseFiles::loaded);
    return new Page<>(items, request.page(), request.size(), count());
  }

  private StaffMember caseworkerFor(String team, StaffMember actor, String assignee) {
    if (access.mayAssignWithin(team)) {
      if (assignee != null) {
        return caseworkerOfTeam(team, assignee, "assignee");
      }
      return actor.isCaseworker() ? actor : null;
    }
    if (assignee != null && !assignee.equals(actor.getUsername())) {
      throw new InvalidField(
          "assignee",
          "caseworkers register cases for themselves; a supervisor can give them to someone else");
    }
    return actor;
  }

  private StaffMember caseworkerOfTeam(String team, String username, String field) {
    return staff
        .byUsername(username)
        .filter(s -> s.isCaseworker() && team.equals(s.getTeam()))
        .orElseThrow(
            () -> new InvalidField(field, "must be the user name of a caseworker of team " + team));
  }

  /** The caller's scope as a condition on cases: the translation of {@link CaseScope}. */
  private static Predicate inScope(
      CriteriaBuilder cb, AbstractQuery<?> query, Root<SurvivorCase> root, CaseScope scope) {
    return switch (scope.reach()) {
      case TEAM -> cb.equal(root.get("owningTeam"), scope.team());
      case OWN_ASSIGNMENTS -> {
        Subquery<Long> assigned = query.subquery(Long.class);
        Root<CaseAssignment> assignment = assigned.from(CaseAssignment.class);
        assigned
            .select(assignment.get("id"))
            .where(
                cb.equal(assignment.get("survivorCase"), root),
                cb.equal(assignment.get("caseworker").get("subject"), scope.subject()),
                cb.isNull(assignment.get("endedAt")));
        yield cb.exists(assigned);
      }
      case NOTHING -> cb.disjunction();
    };
  }

  /** Loads what views show of a case while the transaction is open (batch-fetched). */
  private static SurvivorCase loaded(SurvivorCase c) {
    c.currentCaseworker().map(StaffMember::getDisplayName);
    return c;
  }

  private static List<Order> ordering(
      CriteriaBuilder cb, Root<SurvivorCase> root, PageRequest request) {
    Optional<CaseSort> sort = Optional.ofNullable(request.sortBy()).flatMap(CaseSort::byProperty);
    if (sort.isEmpty()) {
      return List.of(cb.desc(root.get("createdAt")), cb.desc(root.get("id")));
    }
    Expression<?> key =
        sort.get() == CaseSort.RISK_LEVEL ? triageOrder(cb, root) : root.get(sort.get().property());
    Order primary = request.ascending() ? cb.asc(key) : cb.desc(key);
    // A unique tie-breaker keeps pages stable when many cases share a sort value.
    return List.of(primary, cb.asc(root.get("id")));
  }

  /** Risk sorts by urgency (HIGH first when ascending), not alphabetically. */
  private static Expression<Integer> triageOrder(CriteriaBuilder cb, Root<SurvivorCase> root) {
    CriteriaBuilder.SimpleCase<RiskLevel, Integer> triage = cb.selectCase(root.get("riskLevel"));
    for (RiskLevel level : RiskLevel.values()) {
      triage = triage.when(level, level.ordinal());
    }
    return triage.otherwise(RiskLevel.values().length);
  }
}
