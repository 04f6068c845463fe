package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.CaseScope;
import org.haven.access.boundary.Staff;
import org.haven.access.entity.StaffMember;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseActions;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.control.FollowUps;
import org.haven.cases.entity.FollowUpTask;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.TaskKind;
import org.haven.cases.entity.TaskStatus;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.database.control.Where;
import org.haven.problems.Checks;
import org.haven.problems.InvalidField;

/**
 * Follow-up tasks: entered by hand on a case, or generated as the case moves ({@link FollowUps});
 * done or cancelled, never deleted; overdue when open past their due date. Also the caller's own
 * open tasks across cases, for the dashboard.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseTasks {

  public static final int MAX_TITLE = 500;

  /** How many open tasks a dashboard lists at most. */
  public static final int MAX_LISTED = 200;

  @PersistenceContext EntityManager em;
  @Inject CaseRecords records;
  @Inject CaseActions actions;
  @Inject AccessPolicy access;
  @Inject Staff staff;
  @Inject FollowUps followUps;
  @Inject AuditTrail audit;

  /** The tasks of a case, open first by due date. Empty if the case is out of scope. */
  public Optional<List<TaskDetails>> tasks(String caseNumber) {
    return actions.read(
        caseNumber,
        AuditAction.TASKS_READ,
        (c, trail) -> {
          FieldCipher cipher = records.openerFor(c).orElse(null);
          LocalDate today = LocalDate.now();
          List<TaskDetails> tasks =
              em.createQuery(
                      "select t from FollowUpTask t where t.survivorCase = :c"
                          + " order by case when t.status = :open then 0 else 1 end,"
                          + " t.dueOn, t.id",
                      FollowUpTask.class)
                  .setParameter("c", c)
                  .setParameter("open", TaskStatus.OPEN)
                  .getResultStream()
                  .map(t -> view(t, cipher, today))
                  .toList();
          trail.details("tasks: " + tasks.size());
          return tasks;
        });
  }

  /**
   * Adds a follow-up by hand: a title, a due date, and who should do it (a user name of the case's
   * team; empty: whoever holds the case). Empty if the case is out of scope.
   */
  public Optional<TaskDetails> add(
      String caseNumber,
      String title,
      @NotNull(message = "give the due date") LocalDate dueOn,
      String assignee) {
    Checks.requireText("title", title, MAX_TITLE, "say what is to be done");
    return actions.change(
        caseNumber,
        AuditAction.TASK_ADDED,
        (c, trail) -> {
          FieldCipher cipher = records.cipherFor(c);
          FollowUpTask task =
              new FollowUpTask(
                  c,
                  TaskKind.MANUAL,
                  dueOn,
                  assigneeOf(c, assignee),
                  access.actor(),
                  Instant.now());
          em.persist(task);
          task.write(cipher, title);
          em.flush();
          trail.details("task " + task.getId() + "; due " + dueOn);
          return view(task, cipher, LocalDate.now());
        });
  }

  /**
   * Changes an open task: closes it as DONE or CANCELLED, or moves its due date or assignee (nulls
   * leave those as they are). A stale {@code expectedVersion} is a conflicting edit; a closed task
   * stays closed. Empty if the case is out of scope.
   */
  public Optional<TaskDetails> change(
      String caseNumber,
      long taskId,
      TaskStatus status,
      LocalDate dueOn,
      String assignee,
      Long expectedVersion) {
    return actions.change(
        caseNumber,
        AuditAction.TASK_CHANGED,
        (c, trail) -> {
          FollowUpTask task =
              records.partOf(c, FollowUpTask.class, taskId, FollowUpTask::getSurvivorCase, "task");
          Checks.checkVersion("task " + taskId, task.getVersion(), expectedVersion);
          if (task.getStatus() != TaskStatus.OPEN) {
            throw new org.haven.problems.Conflict(
                "Task " + taskId + " is already " + task.getStatus() + ".");
          }
          Instant now = Instant.now();
          if (dueOn != null || assignee != null) {
            task.reschedule(
                dueOn == null ? task.getDueOn() : dueOn,
                assignee == null ? task.assignee().orElse(null) : assigneeOf(c, assignee));
          }
          if (status == TaskStatus.DONE || status == TaskStatus.CANCELLED) {
            task.close(status, access.actor(), now);
            followUps.closed(task, now);
          }
          em.flush();
          trail.details("task " + taskId + "; status: " + task.getStatus());
          return view(task, records.openerFor(c).orElse(null), LocalDate.now());
        });
  }

  /**
   * The open tasks the caller should see on their dashboard, soonest due first: a caseworker's own
   * (assigned to them, or on the cases they hold with nobody named); a supervisor's whole team's.
   */
  public List<TaskDetails> openTasks(boolean overdueOnly) {
    CaseScope scope = access.caseScope().withoutBreakGlass();
    LocalDate today = LocalDate.now();
    Where where = CaseRecords.scope("c", scope).and("t.status = :open", "open", TaskStatus.OPEN);
    String join = "";
    if (scope.reach() == CaseScope.Reach.OWN_ASSIGNMENTS) {
      // A left join: a task with nobody named belongs to whoever holds the case.
      join = " left join t.assignee a";
      where.and("(a.subject = :me or a.id is null)", "me", scope.subject());
    }
    if (overdueOnly) {
      where.and("t.dueOn < :today", "today", today);
    }
    List<FollowUpTask> found =
        where
            .bind(
                em.createQuery(
                    "select t from FollowUpTask t join t.survivorCase c"
                        + join
                        + " where "
                        + where.text()
                        + " order by t.dueOn, t.id",
                    FollowUpTask.class))
            .setMaxResults(MAX_LISTED)
            .getResultList();
    Map<SurvivorCase, Optional<FieldCipher>> ciphers = new HashMap<>();
    List<TaskDetails> tasks =
        found.stream()
            .map(
                t ->
                    view(
                        t,
                        ciphers
                            .computeIfAbsent(t.getSurvivorCase(), records::openerFor)
                            .orElse(null),
                        today))
            .toList();
    audit.record(
        Entry.of(AuditAction.TASKS_READ, "task", null)
            .details(
                (overdueOnly ? "overdue" : "open")
                    + " tasks: "
                    + tasks.size()
                    + "; cases: "
                    + AuditTrail.caseNumbers(
                        tasks.stream().map(TaskDetails::getCaseNumber).distinct().toList())));
    return tasks;
  }

  /**
   * Someone who can see the case, so that the task reaches them: its caseworker or a supervisor.
   */
  private StaffMember assigneeOf(SurvivorCase c, String username) {
    if (username == null || username.isBlank()) {
      return null;
    }
    return staff
        .byUsername(username)
        .filter(s -> c.getOwningTeam().equals(s.getTeam()) && !s.isDisabled())
        .filter(s -> s.isSupervisor() || c.currentCaseworker().filter(s::equals).isPresent())
        .orElseThrow(
            () ->
                new InvalidField(
                    "assignee",
                    "must be the case's caseworker or a supervisor of its team (a user name)"));
  }

  private static TaskDetails view(FollowUpTask t, FieldCipher cipher, LocalDate today) {
    return new TaskDetails(
        t, t.getKind() == TaskKind.MANUAL && cipher != null ? t.title(cipher) : null, today);
  }
}
