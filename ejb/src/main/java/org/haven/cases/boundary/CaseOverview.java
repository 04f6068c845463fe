package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.entity.StaffMember;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.TaskStatus;
import org.haven.database.control.Where;

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
    long pending = byStatus.get(CaseStatus.CLOSURE_REQUESTED) + submittedPlans();
    return new CaseFigures(
        byStatus, byRisk, byTeam, pending, countTasks(false, today), countTasks(true, today));
  }

  /** The team's cases waiting for a supervisor: a case plan or a closure, oldest first. */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public List<PendingApproval> pendingApprovals() {
    Where where =
        scope()
            .parameter("closure", CaseStatus.CLOSURE_REQUESTED)
            .parameter("plan", CaseStatus.CASE_PLAN)
            .and("(c.status = :closure or (c.status = :plan and c.planSubmittedAt is not null))");
    TypedQuery<SurvivorCase> query =
        where.bind(
            em.createQuery(
                "select c from SurvivorCase c where "
                    + where.text()
                    + " order by c.updatedAt, c.id",
                SurvivorCase.class));
    List<PendingApproval> pending =
        query
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

  /** Counts of the caller's cases by one of their columns (Haven's own attribute names). */
  private <K> Map<K, Long> countBy(String attribute, Function<Object, K> key, CaseStatus... not) {
    Where where = scope();
    if (not.length > 0) {
      where.and("c.status not in :not", "not", List.of(not));
    }
    Map<K, Long> counts = new java.util.HashMap<>();
    for (Object[] row :
        where
            .bind(
                em.createQuery(
                    "select c."
                        + attribute
                        + ", count(c) from SurvivorCase c where "
                        + where.text()
                        + " group by c."
                        + attribute,
                    Object[].class))
            .getResultList()) {
      if (row[0] != null) {
        counts.put(key.apply(row[0]), (Long) row[1]);
      }
    }
    return counts;
  }

  /** Case plans submitted and waiting for a supervisor. */
  private long submittedPlans() {
    Where where =
        scope()
            .and("c.status = :plan", "plan", CaseStatus.CASE_PLAN)
            .and("c.planSubmittedAt is not null");
    return where
        .bind(
            em.createQuery("select count(c) from SurvivorCase c where " + where.text(), Long.class))
        .getSingleResult();
  }

  private long countTasks(boolean overdueOnly, LocalDate today) {
    if (access.countsAllTeams()) {
      return 0;
    }
    Where where = scope().and("t.status = :open", "open", TaskStatus.OPEN);
    if (overdueOnly) {
      where.and("t.dueOn < :today", "today", today);
    }
    return where
        .bind(
            em.createQuery(
                "select count(t) from FollowUpTask t join t.survivorCase c where " + where.text(),
                Long.class))
        .getSingleResult();
  }

  /** Every team for an administrator's counts; otherwise the caller's own cases or team. */
  private Where scope() {
    return access.countsAllTeams()
        ? new Where()
        : CaseRecords.scope("c", access.caseScope().withoutBreakGlass());
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
