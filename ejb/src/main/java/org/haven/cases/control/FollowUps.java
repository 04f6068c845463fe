package org.haven.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.access.entity.StaffMember;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.FollowUpTask;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.TaskKind;
import org.haven.cases.entity.TaskStatus;

/**
 * The follow-ups Haven writes for caseworkers as a case moves: the assessment is due some days
 * after intake, the case plan some days after the assessment, and a high-risk case is reviewed
 * every few days. Each generated task closes itself when the case gets there. The numbers of days
 * are settings ({@code HAVEN_TASKS_ASSESSMENT_DUE_DAYS}, {@code HAVEN_TASKS_PLAN_DUE_DAYS}, {@code
 * HAVEN_TASKS_HIGH_RISK_REVIEW_DAYS}). Runs inside the calling boundary's transaction.
 */
@ApplicationScoped
public class FollowUps {

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "haven.tasks.assessment-due-days", defaultValue = "7")
  int assessmentDueDays;

  @Inject
  @ConfigProperty(name = "haven.tasks.plan-due-days", defaultValue = "14")
  int planDueDays;

  @Inject
  @ConfigProperty(name = "haven.tasks.high-risk-review-days", defaultValue = "30")
  int highRiskReviewDays;

  /** A new case: its assessment is due, and a high-risk case's first review. */
  public void registered(SurvivorCase c, Instant now) {
    open(c, TaskKind.ASSESSMENT, assessmentDueDays, now);
    if (c.getRiskLevel() == RiskLevel.HIGH) {
      open(c, TaskKind.RISK_REVIEW, highRiskReviewDays, now);
    }
  }

  /** A case moved along its lifecycle. */
  public void moved(SurvivorCase c, CaseStatus to, StaffMember by, Instant now) {
    switch (to) {
      case ASSESSMENT -> {
        if (openOf(c, TaskKind.ASSESSMENT).isEmpty()) {
          open(c, TaskKind.ASSESSMENT, assessmentDueDays, now);
        }
      }
      case CASE_PLAN -> {
        closeAll(c, TaskKind.ASSESSMENT, TaskStatus.DONE, by, now);
        if (openOf(c, TaskKind.CASE_PLAN).isEmpty()) {
          open(c, TaskKind.CASE_PLAN, planDueDays, now);
        }
      }
      case SERVICE_PROVISION -> {
        closeAll(c, TaskKind.ASSESSMENT, TaskStatus.DONE, by, now);
        closeAll(c, TaskKind.CASE_PLAN, TaskStatus.DONE, by, now);
      }
      case CLOSED -> {
        for (FollowUpTask t : openOf(c, null)) {
          t.close(TaskStatus.CANCELLED, by, now);
        }
      }
      default -> {
        // OPEN, CLOSURE_REQUESTED and REOPENED ask for nothing new.
      }
    }
  }

  /** A new risk assessment is the review: the next one is due if the risk is still high. */
  public void riskAssessed(SurvivorCase c, StaffMember by, Instant now) {
    closeAll(c, TaskKind.RISK_REVIEW, TaskStatus.DONE, by, now);
    scheduleReview(c, now);
  }

  /** A task was closed by hand: a done risk review schedules the next one. */
  public void closed(FollowUpTask task, Instant now) {
    if (task.getKind() == TaskKind.RISK_REVIEW && task.getStatus() == TaskStatus.DONE) {
      scheduleReview(task.getSurvivorCase(), now);
    }
  }

  private void scheduleReview(SurvivorCase c, Instant now) {
    if (c.getRiskLevel() == RiskLevel.HIGH
        && c.getStatus() != CaseStatus.CLOSED
        && openOf(c, TaskKind.RISK_REVIEW).isEmpty()) {
      open(c, TaskKind.RISK_REVIEW, highRiskReviewDays, now);
    }
  }

  private void open(SurvivorCase c, TaskKind kind, int days, Instant now) {
    em.persist(new FollowUpTask(c, kind, LocalDate.now().plusDays(days), null, null, now));
  }

  private void closeAll(
      SurvivorCase c, TaskKind kind, TaskStatus outcome, StaffMember by, Instant now) {
    openOf(c, kind).forEach(t -> t.close(outcome, by, now));
  }

  /** The open tasks of a case, of one kind or (kind null) all. */
  private List<FollowUpTask> openOf(SurvivorCase c, TaskKind kind) {
    var query =
        em.createQuery(
                "select t from FollowUpTask t where t.survivorCase = :c and t.status = :open"
                    + (kind == null ? "" : " and t.kind = :kind"),
                FollowUpTask.class)
            .setParameter("c", c)
            .setParameter("open", TaskStatus.OPEN);
    if (kind != null) {
      query.setParameter("kind", kind);
    }
    return query.getResultList();
  }
}
