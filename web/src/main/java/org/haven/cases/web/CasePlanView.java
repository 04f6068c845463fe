package org.haven.cases.web;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.haven.cases.boundary.CasePlan;
import org.haven.cases.boundary.CasePlans;
import org.haven.cases.entity.GoalStatus;
import org.haven.ui.Texts;

/** The Assessment &amp; plan tab: the written assessment, the goals and their actions. */
@Named
@ViewScoped
public class CasePlanView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CaseView page;
  @Inject CasePlans plans;

  private CasePlan plan;
  private String assessment;
  private String goalText;
  private Long actionGoal;
  private String actionText;
  private String actionResponsible;
  private LocalDate actionDue;

  public CasePlan getPlan() {
    if (plan == null && page.getCaseFile() != null) {
      plan = plans.plan(page.getCaseNumber()).orElse(null);
      assessment = plan == null ? null : plan.getAssessment();
    }
    return plan;
  }

  public void saveAssessment() throws IOException {
    String n = page.getCaseNumber();
    long version = page.getCaseFile().getRecord().getVersion();
    String text = assessment;
    if (page.attempt(() -> plans.writeAssessment(n, text, version))) {
      CaseView.info(Texts.get("plan.assessmentSaved"));
      page.load();
    }
    plan = null;
  }

  public void addGoal() throws IOException {
    String n = page.getCaseNumber();
    String text = goalText;
    if (page.attempt(() -> plans.addGoal(n, text))) {
      CaseView.info(Texts.get("plan.goalAdded"));
      goalText = null;
    }
    plan = null;
  }

  public void setGoalStatus(long goalId, GoalStatus status) throws IOException {
    String n = page.getCaseNumber();
    if (page.attempt(() -> plans.changeGoal(n, goalId, null, status, null))) {
      CaseView.info(Texts.get("plan.goalChanged"));
    }
    plan = null;
  }

  public void addAction() throws IOException {
    if (actionGoal == null) {
      CaseView.warn(Texts.get("plan.chooseGoal"));
      return;
    }
    String n = page.getCaseNumber();
    long goal = actionGoal;
    String text = actionText;
    String responsible = actionResponsible;
    LocalDate due = actionDue;
    if (page.attempt(() -> plans.addAction(n, goal, text, responsible, due))) {
      CaseView.info(Texts.get("plan.actionAdded"));
      actionText = null;
      actionResponsible = null;
      actionDue = null;
    }
    plan = null;
  }

  public void markDone(long actionId) throws IOException {
    String n = page.getCaseNumber();
    if (page.attempt(() -> plans.changeAction(n, actionId, null, null, null, true, null))) {
      CaseView.info(Texts.get("plan.actionDone"));
    }
    plan = null;
  }

  /** Goals as menu items, for choosing which one a new action serves. */
  public List<SelectItem> getGoalItems() {
    CasePlan p = getPlan();
    return p == null
        ? List.of()
        : p.getGoals().stream().map(g -> new SelectItem(g.getId(), g.getText())).toList();
  }

  public GoalStatus[] getGoalStatuses() {
    return GoalStatus.values();
  }

  public String getAssessment() {
    getPlan();
    return assessment;
  }

  public void setAssessment(String assessment) {
    this.assessment = assessment;
  }

  public String getGoalText() {
    return goalText;
  }

  public void setGoalText(String goalText) {
    this.goalText = goalText;
  }

  public Long getActionGoal() {
    return actionGoal;
  }

  public void setActionGoal(Long actionGoal) {
    this.actionGoal = actionGoal;
  }

  public String getActionText() {
    return actionText;
  }

  public void setActionText(String actionText) {
    this.actionText = actionText;
  }

  public String getActionResponsible() {
    return actionResponsible;
  }

  public void setActionResponsible(String actionResponsible) {
    this.actionResponsible = actionResponsible;
  }

  public LocalDate getActionDue() {
    return actionDue;
  }

  public void setActionDue(LocalDate actionDue) {
    this.actionDue = actionDue;
  }
}
