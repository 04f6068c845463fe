package org.haven.cases.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.haven.cases.boundary.CaseTasks;
import org.haven.cases.boundary.TaskDetails;
import org.haven.cases.entity.TaskStatus;
import org.haven.ui.Texts;

/** The Tasks tab of the case page: follow-ups, generated and by hand; done or cancelled. */
@Named
@ViewScoped
public class CaseTasksView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CaseView page;
  @Inject CaseTasks tasks;

  private List<TaskDetails> all;
  private String title;
  private LocalDate dueOn;

  public List<TaskDetails> getAll() {
    if (all == null) {
      all =
          page.getCaseFile() == null
              ? List.of()
              : tasks.tasks(page.getCaseNumber()).orElse(List.of());
    }
    return all;
  }

  public void add() throws IOException {
    if (dueOn == null) {
      CaseView.warn(Texts.get("task.chooseDate"));
      return;
    }
    String n = page.getCaseNumber();
    String text = title;
    LocalDate due = dueOn;
    if (page.attempt(() -> tasks.add(n, text, due, null))) {
      CaseView.info(Texts.get("task.added"));
      title = null;
      dueOn = null;
    }
    all = null;
  }

  public void close(long taskId, TaskStatus outcome) throws IOException {
    String n = page.getCaseNumber();
    if (page.attempt(() -> tasks.change(n, taskId, outcome, null, null, null))) {
      CaseView.info(Texts.get(outcome == TaskStatus.DONE ? "task.done" : "task.cancelled"));
    }
    all = null;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public void setDueOn(LocalDate dueOn) {
    this.dueOn = dueOn;
  }
}
