package org.haven.cases.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.CaseRegistration;
import org.haven.cases.boundary.PossibleDuplicate;
import org.haven.cases.boundary.Reassignment;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.problems.TooMany;
import org.haven.ui.Texts;

/**
 * Backs {@code cases/register.xhtml}: the intake form. Before saving it checks for likely
 * duplicates; if there are any, the caseworker sees them and registers anyway or stops.
 */
@Named
@ViewScoped
public class RegisterCaseView implements Serializable {

  private static final long serialVersionUID = 1L;
  @Inject CaseRegistration registration;
  @Inject Reassignment reassignment;

  private SurvivorCase intake = new SurvivorCase();
  private SurvivorIdentity identity = new SurvivorIdentity();
  private String narrative;
  private String assignee;
  private List<SelectItem> assignableCaseworkers;
  private List<PossibleDuplicate> duplicates = List.of();

  /** Whether the identity as it stands now was checked for duplicates. */
  private boolean checked;

  private boolean duplicatesShown;
  private int step;
  private final BirthDateCheck birthDateCheck = new BirthDateCheck();

  /** The wizard's steps: the survivor, the situation, then the check before registering. */
  public static final int SURVIVOR = 0;

  public static final int SITUATION = 1;
  public static final int CHECK = 2;

  public int getStep() {
    return step;
  }

  /**
   * On to the next step (the fields of this one were validated on the way: a failure keeps the user
   * here). Reaching the check runs the duplicate search, so the warning is seen before the button
   * to register.
   */
  public void next() {
    if (step == SURVIVOR && !birthDateCheck.passes(identity.getBirthDate())) {
      return;
    }
    if (step < CHECK) {
      step++;
    }
    if (step == CHECK) {
      checked = checkedForDuplicates();
      duplicatesShown = !duplicates.isEmpty();
    }
  }

  /**
   * Runs the duplicate check; past the caller's hourly limit it says so and finds nothing, and the
   * case can still be registered (registering lists possible duplicates too).
   */
  private boolean checkedForDuplicates() {
    try {
      duplicates = registration.possibleDuplicates(identity);
      return true;
    } catch (TooMany limit) {
      duplicates = List.of();
      FacesContext.getCurrentInstance()
          .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, limit.getMessage(), null));
      return false;
    }
  }

  public void back() {
    if (step > SURVIVOR) {
      step--;
    }
  }

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

  public BirthDateCheck getBirthDateCheck() {
    return birthDateCheck;
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
          reassignment.assignableCaseworkers().stream()
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
    checked = false;
    duplicates = List.of();
  }

  /**
   * Registers the case, unless a likely duplicate shows up that the user has not seen yet: then the
   * form stays, with the warning and a "Register anyway" button.
   */
  public String register() {
    if (!birthDateCheck.passes(identity.getBirthDate())) {
      step = SURVIVOR;
      return null;
    }
    // The check of this identity was made at the last step: once is enough (each counts against
    // the person's hourly limit, and registering looks again anyway).
    if (!duplicatesShown && !checked && checkedForDuplicates()) {
      if (!duplicates.isEmpty()) {
        duplicatesShown = true;
        return null;
      }
    }
    CaseFile registered = registration.register(intake, identity, narrative, assignee);
    FacesContext context = FacesContext.getCurrentInstance();
    context.getExternalContext().getFlash().setKeepMessages(true);
    context.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_INFO,
            Texts.get("register.done", registered.getCaseNumber()),
            null));
    return "/cases/case?faces-redirect=true&n=" + registered.getCaseNumber();
  }
}
