package org.haven.cases.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case's written assessment and its plan, as users in scope read it (REST and pages alike): text
 * opened, people named by user name. {@code version} is the case's: the assessment is part of it.
 */
public final class CasePlan {

  private final String assessment;
  private final Instant assessedAt;
  private final String assessedBy;
  private final List<Goal> goals;
  private final long version;

  CasePlan(
      String assessment, Instant assessedAt, String assessedBy, List<Goal> goals, long version) {
    this.assessment = assessment;
    this.assessedAt = assessedAt;
    this.assessedBy = assessedBy;
    this.goals = List.copyOf(goals);
    this.version = version;
  }

  public String getAssessment() {
    return assessment;
  }

  public Instant getAssessedAt() {
    return assessedAt;
  }

  public String getAssessedBy() {
    return assessedBy;
  }

  public List<Goal> getGoals() {
    return goals;
  }

  public long getVersion() {
    return version;
  }

  /** A goal of the plan with its actions. */
  public static final class Goal {
    private final long id;
    private final String text;
    private final org.haven.cases.entity.GoalStatus status;
    private final List<Action> actions;
    private final long version;

    Goal(
        long id,
        String text,
        org.haven.cases.entity.GoalStatus status,
        List<Action> actions,
        long version) {
      this.id = id;
      this.text = text;
      this.status = status;
      this.actions = List.copyOf(actions);
      this.version = version;
    }

    public long getId() {
      return id;
    }

    public String getText() {
      return text;
    }

    public org.haven.cases.entity.GoalStatus getStatus() {
      return status;
    }

    public List<Action> getActions() {
      return actions;
    }

    public long getVersion() {
      return version;
    }
  }

  /** An action towards a goal: who is responsible, by when, whether it is done or overdue. */
  public static final class Action {
    private final long id;
    private final long goalId;
    private final String text;
    private final String responsible;
    private final LocalDate dueOn;
    private final Instant doneAt;
    private final boolean overdue;
    private final long version;

    Action(
        long id,
        long goalId,
        String text,
        String responsible,
        LocalDate dueOn,
        Instant doneAt,
        boolean overdue,
        long version) {
      this.id = id;
      this.goalId = goalId;
      this.text = text;
      this.responsible = responsible;
      this.dueOn = dueOn;
      this.doneAt = doneAt;
      this.overdue = overdue;
      this.version = version;
    }

    public long getId() {
      return id;
    }

    public long getGoalId() {
      return goalId;
    }

    public String getText() {
      return text;
    }

    public String getResponsible() {
      return responsible;
    }

    public LocalDate getDueOn() {
      return dueOn;
    }

    public Instant getDoneAt() {
      return doneAt;
    }

    public boolean isDone() {
      return doneAt != null;
    }

    public boolean isOverdue() {
      return overdue;
    }

    public long getVersion() {
      return version;
    }
  }
}
