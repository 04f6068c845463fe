package org.haven.cases.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.haven.cases.boundary.CaseFiles;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.SurvivorCase;

/** Backs {@code cases/register.xhtml}: the intake form for a new case. */
@Named
@ViewScoped
public class RegisterCaseView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CaseFiles caseFiles;

  private SurvivorCase intake = new SurvivorCase();
  private String assignee;
  private List<SelectItem> assignableCaseworkers;

  public SurvivorCase getIntake() {
    return intake;
  }

  public RiskLevel[] getRiskLevels() {
    return RiskLevel.values();
  }

  public Sex[] getSexes() {
    return Sex.values();
  }

  /** ISO 3166 countries by name in the user's language, for the nationality menu. */
  public List<SelectItem> getCountries() {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return Arrays.stream(Locale.getISOCountries())
        .map(code -> new SelectItem(code, new Locale("", code).getDisplayCountry(locale)))
        .sorted(Comparator.comparing(SelectItem::getLabel))
        .toList();
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  /** The team's caseworkers, for a supervisor to choose from; empty for caseworkers. */
  public List<SelectItem> getAssignableCaseworkers() {
    if (assignableCaseworkers == null) {
      assignableCaseworkers =
          caseFiles.assignableCaseworkers().stream()
              .map(s -> new SelectItem(s.getUsername(), s.getDisplayName()))
              .toList();
    }
    return assignableCaseworkers;
  }

  public String register() {
    SurvivorCase registered = caseFiles.register(intake, assignee);
    FacesContext context = FacesContext.getCurrentInstance();
    context.getExternalContext().getFlash().setKeepMessages(true);
    context.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_INFO,
            "Case " + registered.getCaseNumber() + " registered.",
            null));
    intake = new SurvivorCase();
    assignee = null;
    return "/cases/list?faces-redirect=true";
  }
}
