package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.entity.StaffMember;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.FollowUpTask;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.TaskStatus;

/**
 * What the dashboards show: counts of the cases the caller works on (by status, by risk, by team
 * for administrators — who see counts only, never a case), the open and overdue tasks, and what
 * waits for a supervisor's approval.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR, AccessPolicy.ADMIN})
public class CaseOverview {

  @PersistenceContext EntityManager em;
  @Inject AccessPolicy access;
  @Inject AuditTrail audit;

  /** Counts for the caller's dashboard. */
  public CaseFigures figures() {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
    for (CaseStatus s : CaseStatus.values()) {
      byStatus.put(s, 0L);
    }
    countBy("status", CaseStatus.class::cast).forEach(byStatus::put);
    Map<RiskLevel, Long> byRisk = new EnumMap<>(RiskLevel.class);
    for (RiskLevel r : RiskLevel.values()) {
      byRisk.put(r, 0L);
    }
    // Closed cases carry no current risk: the risk chart is about the cases being worked on.
    countBy("riskLevel", RiskLevel.class::cast, CaseStatus.CLOSED).forEach(byRisk::put);
    Map<String, Long> byTeam =
        access.countsAllTeams()
            ? new TreeMap<>(countBy("owningTeam", String.class::cast))
            : Map.of();
    LocalDate today = LocalDate.now();
    long pending = byStatus.get(CaseStatus.CLOSURE_REQUESTED) + countWhere(cb, "planSubmittedAt");
    return new CaseFigures(
        byStatus, byRisk, byTeam, pending, countTasks(false, today), countTasks(true, today));
  }

  /** The team's cases waiting for a supervisor: a case plan or a closure, oldest first. */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public List<PendingApproval> pendingApprovals() {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<SurvivorCase> query = cb.createQuery(SurvivorCase.class);
    Root<SurvivorCase> c = query.from(SurvivorCase.class);
    query
        .select(c)
        .where(
            scope(cb, query, c),
            cb.or(
                cb.equal(c.get("status"), CaseStatus.CLOSURE_REQUESTED),
                cb.and(
                    cb.equal(c.get("status"), CaseStatus.CASE_PLAN),
                    cb.isNotNull(c.get("planSubmittedAt")))))
        .orderBy(cb.asc(c.get("updatedAt")), cb.asc(c.get("id")));
    List<PendingApproval> pending =
        em.createQuery(query)
            .setMaxResults(CaseTasks.MAX_LISTED)
            .getResultStream()
            .map(
                s ->
                    new PendingApproval(
                        s.getCaseNumber(),
                        s.pendingApproval().orElseThrow(),
                        s.getPlanSubmittedAt() != null ? s.getPlanSubmittedAt() : s.getUpdatedAt(),
                        s.getRiskLevel(),
                        s.currentCaseworker().map(StaffMember::getUsername).orElse(null)))
            .toList();
    audit.record(
        Entry.of(AuditAction.CASES_LISTED, "case", null)
            .details(
                "pending approvals; shown: "
                    + AuditTrail.caseNumbers(
                        pending.stream().map(PendingApproval::getCaseNumber).toList())));
    return pending;
  }

  private <K> Map<K, Long> countBy(String attribute, Function<Object, K> key, CaseStatus... not) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> query = cb.createTupleQuery();
    Root<SurvivorCase> c = query.from(SurvivorCase.class);
    Expression<?> group = c.get(attribute);
    List<Predicate> where = new ArrayList<>(List.of(scope(cb, query, c)));
    if (not.length > 0) {
      where.add(cb.not(c.get("status").in((Object[]) not)));
    }
    query.multiselect(group, cb.count(c)).where(where.toArray(Predicate[]::new)).groupBy(group);
    Map<K, Long> counts = new java.util.HashMap<>();
    for (Tuple row : em.createQuery(query).getResultList()) {
      if (row.get(0) != null) {
        counts.put(key.apply(row.get(0)), row.get(1, Long.class));
      }
    }
    return counts;
  }

  private long countWhere(CriteriaBuilder cb, String notNullAttribute) {
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<SurvivorCase> c = query.from(SurvivorCase.class);
    query
        .select(cb.count(c))
        .where(
            scope(cb, query, c),
            cb.equal(c.get("status"), CaseStatus.CASE_PLAN),
            cb.isNotNull(c.get(notNullAttribute)));
    return em.createQuery(query).getSingleResult();
  }

  private long countTasks(boolean overdueOnly, LocalDate today) {
    if (access.countsAllTeams()) {
      return 0;
    }
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<FollowUpTask> task = query.from(FollowUpTask.class);
    Join<FollowUpTask, SurvivorCase> c = task.join("survivorCase");
    List<Predicate> where = new ArrayList<>();
    where.add(cb.equal(task.get("status"), TaskStatus.OPEN));
    where.add(scope(cb, query, c));
    if (overdueOnly) {
      where.add(cb.lessThan(task.get("dueOn"), today));
    }
    query.select(cb.count(task)).where(where.toArray(Predicate[]::new));
    return em.createQuery(query).getSingleResult();
  }

  /** Every team for an administrator's counts; otherwise the caller's own cases or team. */
  private Predicate scope(
      CriteriaBuilder cb,
      jakarta.persistence.criteria.AbstractQuery<?> query,
      jakarta.persistence.criteria.From<?, SurvivorCase> c) {
    return access.countsAllTeams()
        ? cb.conjunction()
        : CaseRecords.inScope(cb, query, c, access.caseScope().withEmergencyCases(Set.of()));
  }

  /** A case waiting for a supervisor's decision. */
  public static final class PendingApproval {
    private final String caseNumber;
    private final CaseStatus approves;
    private final Instant since;
    private final RiskLevel riskLevel;
    private final String assignee;

    PendingApproval(
        String caseNumber,
        CaseStatus approves,
        Instant since,
        RiskLevel riskLevel,
        String assignee) {
      this.caseNumber = caseNumber;
      this.approves = approves;
      this.since = since;
      this.riskLevel = riskLevel;
      this.assignee = assignee;
    }

    public String getCaseNumber() {
      return caseNumber;
    }

    /** The status the approval leads to: SERVICE_PROVISION (a plan) or CLOSED (a closure). */
    public CaseStatus getApproves() {
      return approves;
    }

    public Instant getSince() {
      return since;
    }

    public RiskLevel getRiskLevel() {
      return riskLevel;
    }

    public String getAssignee() {
      return assignee;
    }
  }
}
