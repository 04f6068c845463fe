package org.haven.cases.web;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.CaseFiles;
import org.haven.cases.boundary.CaseNoteView;
import org.haven.cases.boundary.StatusHistoryEntry;
import org.haven.cases.control.CaseLifecycle;
import org.haven.cases.entity.CaseStatus;
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
  private String reason;
  private int activeTab;
  private String noteText;
  private Long correcting;
  private List<CaseNoteView> notes;
  private List<StatusHistoryEntry> history;

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

  /** The statuses the user may ask to move the case to now. */
  public List<CaseStatus> getAllowedMoves() {
    if (caseFile == null) {
      return List.of();
    }
    boolean supervisor =
        FacesContext.getCurrentInstance().getExternalContext().isUserInRole("supervisor");
    // A submitted plan waits for a supervisor: the caseworker has nothing to press meanwhile.
    boolean waiting = caseFile.getRecord().pendingApproval().isPresent();
    return CaseLifecycle.allowedFrom(caseFile.getRecord().getStatus(), supervisor).stream()
        .filter(to -> supervisor || !waiting)
        .toList();
  }

  /** The tab shown, kept across the form's updates. */
  public int getActiveTab() {
    return activeTab;
  }

  public void setActiveTab(int activeTab) {
    this.activeTab = activeTab;
  }

  /** Whether moving to {@code to} needs a written reason. */
  public boolean needsReason(CaseStatus to) {
    return CaseLifecycle.move(caseFile.getRecord().getStatus(), to)
        .filter(m -> m.gate().needsReason())
        .isPresent();
  }

  public void move(CaseStatus to) throws IOException {
    long version = caseFile.getRecord().getVersion();
    if (attempt(() -> show(caseFiles.transition(caseNumber, to, reason, version)))) {
      info(
          caseFile.getRecord().getStatus() == to
              ? "Case " + caseNumber + " is now " + to + "."
              : "The case plan went to the team's supervisors for approval.");
      reason = null;
      history = null;
    }
  }

  public void returnForRework() throws IOException {
    if (attempt(() -> show(caseFiles.returnForRework(caseNumber, reason)))) {
      info("Sent back with your reason.");
      reason = null;
      history = null;
    }
  }

  public void addNote() throws IOException {
    if (noteText == null || noteText.isBlank()) {
      warn("Write the note first.");
      return;
    }
    if (attempt(() -> caseFiles.addNote(caseNumber, noteText, correcting))) {
      info(correcting == null ? "Note added." : "Correction added.");
      noteText = null;
      correcting = null;
      notes = null;
    }
  }

  public void correct(long noteId) {
    correcting = noteId;
  }

  public List<CaseNoteView> getNotes() {
    if (notes == null) {
      notes = caseFile == null ? List.of() : caseFiles.notes(caseNumber).orElse(List.of());
    }
    return notes;
  }

  public List<StatusHistoryEntry> getHistory() {
    if (history == null) {
      history =
          caseFile == null ? List.of() : caseFiles.statusHistory(caseNumber).orElse(List.of());
    }
    return history;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getNoteText() {
    return noteText;
  }

  public void setNoteText(String noteText) {
    this.noteText = noteText;
  }

  public Long getCorrecting() {
    return correcting;
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
    } catch (EJBException failed) {
      if (failed.getCause() instanceof OptimisticLockException) {
        warn("Someone else changed this case meanwhile: it is shown as it is now. Try again.");
        load();
        return false;
      }
      throw failed;
    } catch (ConstraintViolationException invalid) {
      invalid.getConstraintViolations().forEach(v -> warn(v.getMessage()));
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
