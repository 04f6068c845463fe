package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.haven.cases.control.CaseNumbers;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.SurvivorCase;
import org.haven.paging.Page;
import org.haven.paging.PageRequest;

/**
 * The case files of survivors: registering a case, opening one by its number, listing them. Every
 * view and REST resource goes through here; this is where the transaction starts.
 */
@Stateless
@RolesAllowed({"caseworker", "supervisor"})
public class CaseFiles {

  @PersistenceContext EntityManager em;

  @Inject CaseNumbers caseNumbers;

  /** Registers an intake as a new case in status OPEN and gives it its case number. */
  public SurvivorCase register(@NotNull @Valid SurvivorCase intake) {
    intake.register(caseNumbers.next(Instant.now()));
    em.persist(intake);
    em.flush();
    return intake;
  }

  public Optional<SurvivorCase> find(String caseNumber) {
    if (caseNumber == null || caseNumber.length() > 20) {
      return Optional.empty();
    }
    return em.unwrap(org.hibernate.Session.class)
        .byNaturalId(SurvivorCase.class)
        .using("caseNumber", caseNumber)
        .loadOptional();
  }

  public long count() {
    return em.createQuery("select count(c) from SurvivorCase c", Long.class).getSingleResult();
  }

  /** A page of cases; unknown sort keys fall back to the newest cases first. */
  public Page<SurvivorCase> list(@NotNull PageRequest request) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<SurvivorCase> query = cb.createQuery(SurvivorCase.class);
    Root<SurvivorCase> root = query.from(SurvivorCase.class);
    query.select(root).orderBy(ordering(cb, root, request));
    List<SurvivorCase> items =
        em.createQuery(query)
            .setFirstResult(request.offset())
            .setMaxResults(request.size())
            .getResultList();
    return new Page<>(items, request.page(), request.size(), count());
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
