package org.haven.cases.boundary;

import java.time.Instant;
import java.time.LocalDate;
import org.haven.access.entity.StaffMember;
import org.haven.cases.entity.FollowUpTask;
import org.haven.cases.entity.TaskKind;
import org.haven.cases.entity.TaskStatus;

/**
 * A follow-up task as users in scope read it (REST and pages alike), taken whole inside the
 * boundary's transaction. A generated task has no title: its {@code kind} says what it is. {@code
 * assignee} is who should do it: the task's own assignee, or whoever holds the case.
 */
public final class TaskDetails {

  private final long id;
  private final String caseNumber;
  private final TaskKind kind;
  private final String title;
  private final LocalDate dueOn;
  private final String assignee;
  private final TaskStatus status;
  private final boolean overdue;
  private final String createdBy;
  private final Instant createdAt;
  private final String closedBy;
  private final Instant closedAt;
  private final long version;

  TaskDetails(FollowUpTask task, String title, LocalDate today) {
    this.id = task.getId();
    this.caseNumber = task.getSurvivorCase().getCaseNumber();
    this.kind = task.getKind();
    this.title = title;
    this.dueOn = task.getDueOn();
    this.assignee =
        task.assignee()
            .or(() -> task.getSurvivorCase().currentCaseworker())
            .map(StaffMember::getUsername)
            .orElse(null);
    this.status = task.getStatus();
    this.overdue = task.isOverdue(today);
    this.createdBy = task.createdBy().map(StaffMember::getUsername).orElse(null);
    this.createdAt = task.getCreatedAt();
    this.closedBy = task.closedBy().map(StaffMember::getUsername).orElse(null);
    this.closedAt = task.getClosedAt();
    this.version = task.getVersion();
  }

  public long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public TaskKind getKind() {
    return kind;
  }

  public String getTitle() {
    return title;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public String getAssignee() {
    return assignee;
  }

  public TaskStatus getStatus() {
    return status;
  }

  public boolean isOverdue() {
    return overdue;
  }

  public boolean isGenerated() {
    return kind != TaskKind.MANUAL;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getClosedBy() {
    return closedBy;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public long getVersion() {
    return version;
  }
}
