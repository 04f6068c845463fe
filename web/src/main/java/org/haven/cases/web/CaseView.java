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
import org.haven.cases.boundary.CaseErasure;
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.CaseNoteDetails;
import org.haven.cases.boundary.CaseNotes;
import org.haven.cases.boundary.CaseProfile;
import org.haven.cases.boundary.CaseQueries;
import org.haven.cases.boundary.CaseTransitions;
import org.haven.cases.boundary.StatusHistoryEntry;
import org.haven.cases.control.CaseLifecycle;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ErasureReason;
import org.haven.cases.entity.RiskLevel;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;
import org.haven.problems.NotFound;
import org.haven.ui.Labels;
import org.haven.ui.Texts;

/**
 * Backs {@code cases/case.xhtml?n=<case number>}: one case file, opened, and its erasure. A case
 * out of the user's scope answers 404, exactly like a case that does not exist.
 */
@Named
@ViewScoped
public class CaseView implements Serializable {

  private static final long serialVersionUID = 1L;
  @Inject CaseErasure erasure;
  @Inject CaseNotes caseNotes;
  @Inject CaseProfile profile;
  @Inject CaseQueries caseQueries;
  @Inject CaseTransitions transitions;
  @Inject Labels labels;

  private String caseNumber;
  private CaseFile caseFile;
  private ErasureReason erasureReason;
  private RiskLevel riskLevel;
  private String reason;
  private int activeTab;
  private String noteText;
  private Long correcting;
  private List<CaseNoteDetails> notes;
  private List<StatusHistoryEntry> history;

  /** Opens the case named in the URL; 404 if there is none the user may see. */
  public void load() throws IOException {
    show(caseQueries.open(caseNumber));
  }

  /** A new risk assessment: the level now, by the user, today. */
  public void assessRisk() throws IOException {
    if (riskLevel == null) {
      warn(Texts.get("case.risk.choose"));
      return;
    }
    long version = caseFile.getRecord().getVersion();
    if (attempt(() -> show(profile.assessRisk(caseNumber, riskLevel, version)))) {
      info(Texts.get("case.risk.assessed", labels.of(riskLevel)));
      riskLevel = null;
    }
  }

  public RiskLevel getRiskLevel() {
    return riskLevel;
  }

  public void setRiskLevel(RiskLevel riskLevel) {
    this.riskLevel = riskLevel;
  }

  public RiskLevel[] getRiskLevels() {
    return RiskLevel.values();
  }

  public void requestErasure() throws IOException {
    if (erasureReason == null) {
      warn(Texts.get("case.erasure.chooseReason"));
      return;
    }
    if (attempt(() -> show(erasure.requestErasure(caseNumber, erasureReason)))) {
      info(Texts.get("case.erasure.requested"));
    }
  }

  public void withdrawErasureRequest() throws IOException {
    if (attempt(() -> show(erasure.withdrawErasureRequest(caseNumber)))) {
      info(Texts.get("case.erasure.withdrawn"));
    }
  }

  public void erase() throws IOException {
    if (attempt(() -> show(erasure.erase(caseNumber, erasureReason)))) {
      info(Texts.get("case.erasure.done", caseNumber));
    }
  }

  /** The statuses the user may ask to move the case to now. */
  public List<CaseStatus> getAllowedMoves() {
    if (caseFile == null) {
      return List.of();
    }
    return transitions.allowedMoves(caseFile);
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
    if (attempt(() -> show(transitions.transition(caseNumber, to, reason, version)))) {
      info(
          caseFile.getRecord().getStatus() == to
              ? Texts.get("case.moved", caseNumber, labels.of(to))
              : Texts.get("case.planSubmitted"));
      reason = null;
      history = null;
    }
  }

  public void returnForRework() throws IOException {
    if (attempt(() -> show(transitions.returnForRework(caseNumber, reason)))) {
      info(Texts.get("case.returned"));
      reason = null;
      history = null;
    }
  }

  public void addNote() throws IOException {
    if (noteText == null || noteText.isBlank()) {
      warn(Texts.get("case.note.empty"));
      return;
    }
    if (attempt(() -> caseNotes.addNote(caseNumber, noteText, correcting))) {
      info(Texts.get(correcting == null ? "case.note.added" : "case.note.corrected"));
      noteText = null;
      correcting = null;
      notes = null;
    }
  }

  public void correct(long noteId) {
    correcting = noteId;
  }

  public List<CaseNoteDetails> getNotes() {
    if (notes == null) {
      notes = caseFile == null ? List.of() : caseNotes.notes(caseNumber).orElse(List.of());
    }
    return notes;
  }

  public List<StatusHistoryEntry> getHistory() {
    if (history == null) {
      history =
          caseFile == null ? List.of() : caseQueries.statusHistory(caseNumber).orElse(List.of());
    }
    return history;
  }

  /** The history changed (a correction): read it again when shown. */
  public void historyChanged() {
    history = null;
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

  /** Something a tab of the case page does to the case. */
  public interface Action {
    void run() throws IOException;
  }

  /**
   * Runs an action of this page or one of its tabs; a refusal by Haven's rules becomes a message on
   * the page and nothing changes; the case is read again either way.
   */
  public boolean attempt(Action action) throws IOException {
    try {
      action.run();
      return true;
    } catch (InvalidField | Conflict refused) {
      warn(refused.getMessage());
      load();
      return false;
    } catch (NotFound gone) {
      warn(Texts.get("case.partGone"));
      load();
      return false;
    } catch (EJBException failed) {
      if (failed.getCause() instanceof OptimisticLockException) {
        warn(Texts.get("case.editedMeanwhile"));
        load();
        return false;
      }
      throw failed;
    } catch (ConstraintViolationException invalid) {
      invalid.getConstraintViolations().forEach(v -> warn(v.getMessage()));
      return false;
    }
  }

  public static void warn(String message) {
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

  public static void info(String message) {
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
