package org.haven.cases.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.CaseFiles;
import org.haven.cases.entity.ErasureReason;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;

/**
 * Backs {@code cases/case.xhtml?n=<case number>}: one case file, opened, and its erasure. A case
 * out of the user's scope answers 404, exactly like a case that does not exist.
 */
@Named
@ViewScoped
public class CaseView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CaseFiles caseFiles;

  private String caseNumber;
  private CaseFile caseFile;
  private ErasureReason erasureReason;

  /** Opens the case named in the URL; 404 if there is none the user may see. */
  public void load() throws IOException {
    show(caseFiles.find(caseNumber));
  }

  public void requestErasure() throws IOException {
    if (erasureReason == null) {
      warn("Choose the reason for the erasure first.");
      return;
    }
    if (attempt(() -> show(caseFiles.requestErasure(caseNumber, erasureReason)))) {
      info("Erasure requested. A supervisor of the team must approve it.");
    }
  }

  public void withdrawErasureRequest() throws IOException {
    if (attempt(() -> show(caseFiles.withdrawErasureRequest(caseNumber)))) {
      info("Erasure request withdrawn.");
    }
  }

  public void erase() throws IOException {
    if (attempt(() -> show(caseFiles.erase(caseNumber, erasureReason)))) {
      info("The survivor's data in case " + caseNumber + " is erased.");
    }
  }

  private interface Action {
    void run() throws IOException;
  }

  /** Runs an action; a refusal by Haven's rules becomes a message on the page, nothing changes. */
  private boolean attempt(Action action) throws IOException {
    try {
      action.run();
      return true;
    } catch (InvalidField | Conflict refused) {
      warn(refused.getMessage());
      load();
      return false;
    }
  }

  private static void warn(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, message, null));
  }

  private void show(Optional<CaseFile> found) throws IOException {
    if (found.isEmpty()) {
      FacesContext context = FacesContext.getCurrentInstance();
      context.getExternalContext().responseSendError(404, "No such case");
      context.responseComplete();
      return;
    }
    caseFile = found.get();
  }

  private static void info(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  /** A list as one line for display. */
  public String joined(List<String> items) {
    return items == null ? "" : String.join(", ", items);
  }

  public ErasureReason[] getErasureReasons() {
    return ErasureReason.values();
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public void setCaseNumber(String caseNumber) {
    this.caseNumber = caseNumber;
  }

  public CaseFile getCaseFile() {
    return caseFile;
  }

  public ErasureReason getErasureReason() {
    return erasureReason;
  }

  public void setErasureReason(ErasureReason erasureReason) {
    this.erasureReason = erasureReason;
  }
}
