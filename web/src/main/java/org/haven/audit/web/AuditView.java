package org.haven.audit.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.haven.audit.boundary.AuditQuery;
import org.haven.audit.boundary.AuditReview;
import org.haven.audit.control.ChainVerifier;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent;
import org.haven.paging.PageRequest;
import org.haven.ui.Texts;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * Backs {@code audit/events.xhtml}: the audit trail as the user may read it (administrators all,
 * supervisors their team's, caseworkers their own), filtered, page by page, and as CSV.
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AuditReview log;

  private String caseNumber;
  private String username;
  private AuditAction action;
  private LocalDate from;
  private LocalDate to;
  private AuditQuery query = AuditQuery.ALL;
  private final LazyDataModel<AuditEvent> events = new EventPages();

  public void apply() {
    query = new AuditQuery(caseNumber, username, action, from, to);
  }

  public void clear() {
    caseNumber = null;
    username = null;
    action = null;
    from = null;
    to = null;
    query = AuditQuery.ALL;
  }

  /** Checks the whole chain (administrators) and says how it stands. */
  public void verify() {
    ChainVerifier.Result result = log.verify();
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            result.intact()
                ? new FacesMessage(
                    FacesMessage.SEVERITY_INFO,
                    Texts.get("audit.intact", String.valueOf(result.verifiedThrough())),
                    null)
                : new FacesMessage(
                    FacesMessage.SEVERITY_ERROR,
                    Texts.get(
                        "audit.broken", String.valueOf(result.firstBrokenEvent()), result.reason()),
                    null));
  }

  /** The filtered events as CSV (the export is itself audited). */
  public StreamedContent getCsv() {
    return DefaultStreamedContent.builder()
        .name("haven-audit.csv")
        .contentType("text/csv; charset=UTF-8")
        .writer(
            out -> {
              try {
                log.export(query, out);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .build();
  }

  public LazyDataModel<AuditEvent> getEvents() {
    return events;
  }

  public AuditAction[] getActions() {
    return AuditAction.values();
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public void setCaseNumber(String caseNumber) {
    this.caseNumber = caseNumber;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public AuditAction getAction() {
    return action;
  }

  public void setAction(AuditAction action) {
    this.action = action;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  private final class EventPages extends LazyDataModel<AuditEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return 0; // load() sets the row count with the page it reads
    }

    @Override
    public List<AuditEvent> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      int size = Math.min(Math.max(pageSize, 1), PageRequest.MAX_SIZE);
      var page = log.events(query, new PageRequest(first / size, size, null, false));
      setRowCount(Math.toIntExact(page.totalItems()));
      return page.items();
    }

    @Override
    public String getRowKey(AuditEvent e) {
      return String.valueOf(e.getId());
    }

    @Override
    public AuditEvent getRowData(String id) {
      return null;
    }
  }
}
