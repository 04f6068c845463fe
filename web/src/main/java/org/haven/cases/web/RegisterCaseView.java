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
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.CaseFiles;
import org.haven.cases.boundary.PossibleDuplicate;
import org.haven.cases.entity.AgeBand;
import org.haven.cases.entity.DocumentType;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;

/**
 * Backs {@code cases/register.xhtml}: the intake form. Before saving it checks for likely
 * duplicates; if there are any, the caseworker sees them and registers anyway or stops.
 */
@Named
@ViewScoped
public class RegisterCaseView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CaseFiles caseFiles;

  private SurvivorCase intake = new SurvivorCase();
  private SurvivorIdentity identity = new SurvivorIdentity();
  private String narrative;
  private String assignee;
  private List<SelectItem> assignableCaseworkers;
  private List<PossibleDuplicate> duplicates = List.of();
  private boolean duplicatesShown;

  public SurvivorCase getIntake() {
    return intake;
  }

  public SurvivorIdentity getIdentity() {
    return identity;
  }

  public String getNarrative() {
    return narrative;
  }

  public void setNarrative(String narrative) {
    this.narrative = narrative;
  }

  public RiskLevel[] getRiskLevels() {
    return RiskLevel.values();
  }

  public Sex[] getSexes() {
    return Sex.values();
  }

  public AgeBand[] getAgeBands() {
    return AgeBand.values();
  }

  public DocumentType[] getDocumentTypes() {
    return DocumentType.values();
  }

  /** ISO 3166 countries by name in the user's language, for the nationality menu. */
  public List<SelectItem> getCountries() {
    Locale locale = locale();
    return Arrays.stream(Locale.getISOCountries())
        .map(code -> new SelectItem(code, new Locale("", code).getDisplayCountry(locale)))
        .sorted(Comparator.comparing(SelectItem::getLabel))
        .toList();
  }

  /** ISO 639 languages by name in the user's language. */
  public List<SelectItem> getLanguages() {
    Locale locale = locale();
    return Arrays.stream(Locale.getISOLanguages())
        .map(code -> new SelectItem(code, new Locale(code).getDisplayLanguage(locale)))
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

  public List<PossibleDuplicate> getDuplicates() {
    return duplicates;
  }

  public boolean isDuplicatesShown() {
    return duplicatesShown;
  }

  /** Any change to the identity after a warning needs a new check. */
  public void identityChanged() {
    duplicatesShown = false;
    duplicates = List.of();
  }

  /**
   * Registers the case, unless a likely duplicate shows up that the user has not seen yet: then the
   * form stays, with the warning and a "Register anyway" button.
   */
  public String register() {
    if (!duplicatesShown) {
      duplicates = caseFiles.possibleDuplicates(identity);
      if (!duplicates.isEmpty()) {
        duplicatesShown = true;
        return null;
      }
    }
    CaseFile registered = caseFiles.register(intake, identity, narrative, assignee);
    FacesContext context = FacesContext.getCurrentInstance();
    context.getExternalContext().getFlash().setKeepMessages(true);
    context.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_INFO,
            "Case " + registered.getCaseNumber() + " registered.",
            null));
    return "/cases/case?faces-redirect=true&n=" + registered.getCaseNumber();
  }

  private static Locale locale() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale();
  }
}
