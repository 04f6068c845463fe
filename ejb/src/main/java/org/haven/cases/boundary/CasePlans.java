package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.Staff;
import org.haven.access.entity.StaffMember;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseActions;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.entity.GoalStatus;
import org.haven.cases.entity.PlanAction;
import org.haven.cases.entity.PlanGoal;
import org.haven.cases.entity.SurvivorCase;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.problems.Checks;
import org.haven.problems.InvalidField;

/**
 * The written assessment of a survivor's situation and the case plan built on it: goals, and
 * actions towards them with a responsible person and a due date. All text is sealed; every read and
 * change is scoped and audited like the rest of the case.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CasePlans {

  public static final int MAX_ASSESSMENT = 20_000;
  public static final int MAX_ITEM = 2_000;

  @PersistenceContext EntityManager em;
  @Inject CaseRecords records;
  @Inject CaseActions actions;
  @Inject AccessPolicy access;
  @Inject Staff staff;
  @Inject AuditTrail audit;

  /** The assessment and the plan of a case. Empty if the case is out of scope. */
  public Optional<CasePlan> plan(String caseNumber) {
    return actions.read(
        caseNumber,
        AuditAction.PLAN_READ,
        (c, trail) -> {
          CasePlan plan = planOf(c);
          trail.details("goals: " + plan.getGoals().size());
          return plan;
        });
  }

  /**
   * Replaces the written assessment (empty text clears it). A stale {@code expectedVersion} of the
   * case is a conflicting edit. Empty if the case is out of scope.
   */
  public Optional<CasePlan> writeAssessment(String caseNumber, String text, Long expectedVersion) {
    if (text != null && text.length() > MAX_ASSESSMENT) {
      throw new InvalidField("assessment", "must be at most " + MAX_ASSESSMENT + " characters");
    }
    return actions.change(
        caseNumber,
        AuditAction.ASSESSMENT_WRITTEN,
        (c, trail) -> {
          CaseRecords.checkVersion(c, expectedVersion);
          c.writeAssessment(records.cipherFor(c), text, access.actor(), Instant.now());
          em.flush();
          trail.details(text == null || text.isBlank() ? "assessment cleared" : "assessment");
          return planOf(c);
        });
  }

  /** Adds a goal to the plan. Empty if the case is out of scope. */
  public Optional<CasePlan.Goal> addGoal(String caseNumber, String text) {
    Checks.requireText("text", text, MAX_ITEM, "describe the goal");
    return actions.change(
        caseNumber,
        AuditAction.PLAN_CHANGED,
        (c, trail) -> {
          FieldCipher cipher = records.cipherFor(c);
          PlanGoal goal = new PlanGoal(c, access.actor(), Instant.now());
          em.persist(goal);
          goal.write(cipher, text);
          em.flush();
          trail.details("goal " + goal.getId() + " added");
          return view(goal, List.of(), cipher);
        });
  }

  /**
   * Rewords a goal or sets its status (a null leaves that part as it is). A stale {@code
   * expectedVersion} of the goal is a conflicting edit. Empty if the case is out of scope.
   */
  public Optional<CasePlan.Goal> changeGoal(
      String caseNumber, long goalId, String text, GoalStatus status, Long expectedVersion) {
    if (text != null) {
      Checks.requireText("text", text, MAX_ITEM, "describe the goal");
    }
    return actions.change(
        caseNumber,
        AuditAction.PLAN_CHANGED,
        (c, trail) -> {
          PlanGoal goal = goalOf(c, goalId);
          Checks.checkVersion("goal " + goalId, goal.getVersion(), expectedVersion);
          FieldCipher cipher = records.cipherFor(c);
          if (text != null) {
            goal.write(cipher, text);
          }
          if (status != null) {
            goal.setStatus(status);
          }
          em.flush();
          trail.details("goal " + goalId + " changed; status: " + goal.getStatus());
          return view(goal, actionsOf(c).getOrDefault(goal.getId(), List.of()), cipher);
        });
  }

  /**
   * Adds an action towards a goal: what, who is responsible (a user name of the case's team), due
   * when. Empty if the case is out of scope.
   */
  public Optional<CasePlan.Action> addAction(
      String caseNumber, long goalId, String text, String responsible, LocalDate dueOn) {
    Checks.requireText("text", text, MAX_ITEM, "describe the action");
    return actions.change(
        caseNumber,
        AuditAction.PLAN_CHANGED,
        (c, trail) -> {
          PlanGoal goal = goalOf(c, goalId);
          FieldCipher cipher = records.cipherFor(c);
          PlanAction action = new PlanAction(goal, responsibleOf(c, responsible), dueOn);
          em.persist(action);
          action.write(cipher, text);
          em.flush();
          trail.details("action " + action.getId() + " added to goal " + goalId);
          return view(action, cipher);
        });
  }

  /**
   * Changes an action: its words, who is responsible, when it is due (nulls leave those as they
   * are), or marks it done. A stale {@code expectedVersion} is a conflicting edit. Empty if the
   * case is out of scope.
   */
  public Optional<CasePlan.Action> changeAction(
      String caseNumber,
      long actionId,
      String text,
      String responsible,
      LocalDate dueOn,
      boolean done,
      Long expectedVersion) {
    if (text != null) {
      Checks.requireText("text", text, MAX_ITEM, "describe the action");
    }
    return actions.change(
        caseNumber,
        AuditAction.PLAN_CHANGED,
        (c, trail) -> {
          PlanAction action =
              records.partOf(
                  c, PlanAction.class, actionId, a -> a.getGoal().getSurvivorCase(), "action");
          Checks.checkVersion("action " + actionId, action.getVersion(), expectedVersion);
          FieldCipher cipher = records.cipherFor(c);
          if (text != null) {
            action.write(cipher, text);
          }
          if (responsible != null || dueOn != null) {
            action.plan(
                responsible == null
                    ? action.responsible().orElse(null)
                    : responsibleOf(c, responsible),
                dueOn == null ? action.getDueOn() : dueOn);
          }
          if (done) {
            action.done(access.actor(), Instant.now());
          }
          em.flush();
          trail.details("action " + actionId + " changed" + (done ? "; done" : ""));
          return view(action, cipher);
        });
  }

  private CasePlan planOf(SurvivorCase c) {
    FieldCipher cipher = records.openerFor(c).orElse(null);
    Map<Long, List<PlanAction>> actions = actionsOf(c);
    List<CasePlan.Goal> goals =
        em.createQuery(
                "select g from PlanGoal g where g.survivorCase = :c order by g.createdAt, g.id",
                PlanGoal.class)
            .setParameter("c", c)
            .getResultStream()
            .map(g -> view(g, actions.getOrDefault(g.getId(), List.of()), cipher))
            .toList();
    return new CasePlan(
        cipher == null ? null : c.assessment(cipher),
        c.getAssessedAt(),
        c.assessedBy().map(StaffMember::getUsername).orElse(null),
        goals,
        c.getVersion());
  }

  private Map<Long, List<PlanAction>> actionsOf(SurvivorCase c) {
    return em.createQuery(
            "select a from PlanAction a where a.goal.survivorCase = :c order by a.dueOn, a.id",
            PlanAction.class)
        .setParameter("c", c)
        .getResultStream()
        .collect(Collectors.groupingBy(a -> a.getGoal().getId()));
  }

  private PlanGoal goalOf(SurvivorCase c, long goalId) {
    return records.partOf(c, PlanGoal.class, goalId, PlanGoal::getSurvivorCase, "goal");
  }

  private StaffMember responsibleOf(SurvivorCase c, String username) {
    if (username == null || username.isBlank()) {
      return null;
    }
    return staff
        .byUsername(username)
        .filter(s -> c.getOwningTeam().equals(s.getTeam()) && !s.isDisabled())
        .orElseThrow(
            () ->
                new InvalidField(
                    "responsible", "must be the user name of someone in the case's team"));
  }

  private static CasePlan.Goal view(PlanGoal g, List<PlanAction> actions, FieldCipher cipher) {
    return new CasePlan.Goal(
        g.getId(),
        cipher == null ? null : g.text(cipher),
        g.getStatus(),
        actions.stream().map(a -> view(a, cipher)).toList(),
        g.getVersion());
  }

  private static CasePlan.Action view(PlanAction a, FieldCipher cipher) {
    return new CasePlan.Action(
        a.getId(),
        a.getGoal().getId(),
        cipher == null ? null : a.text(cipher),
        a.responsible().map(StaffMember::getUsername).orElse(null),
        a.getDueOn(),
        a.getDoneAt(),
        a.isOverdue(LocalDate.now()),
        a.getVersion());
  }
}
