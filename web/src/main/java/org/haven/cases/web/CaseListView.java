package org.haven.cases.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.haven.access.web.SignedInUser;
import org.haven.cases.boundary.BreakGlass;
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.CaseQueries;
import org.haven.cases.boundary.CaseSearch;
import org.haven.cases.boundary.EmergencyAccess;
import org.haven.cases.boundary.Reassignment;
import org.haven.cases.entity.BreakGlassPurpose;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.RiskLevel;
import org.haven.paging.Page;
import org.haven.paging.PageRequest;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;
import org.haven.problems.TooMany;
import org.haven.ui.Texts;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Backs {@code cases/list.xhtml}: the case list, loaded page by page from the case boundaries, and
 * the exact-match search on protected fields. Search values travel in the form's POST body, never
 * in a URL.
 */
@Named
@ViewScoped
public class CaseListView implements Serializable {

  private boolean totalExact = true;
  private long counted;

  private static final long serialVersionUID = 1L;
  @Inject BreakGlass emergency;
  @Inject SignedInUser user;
  @Inject CaseQueries caseQueries;
  @Inject Reassignment reassignment;

  private final LazyDataModel<CaseFile> cases = new CasePages();
  private String name;
  private LocalDate birthDate;
  private String phone;
  private String documentNumber;
  private CaseStatus status;
  private RiskLevel riskLevel;
  private String assignee;
  private ExploitationType exploitationType;
  private List<jakarta.faces.model.SelectItem> caseworkers;
  private CaseSearch search = CaseSearch.NONE;

  private String emergencyCaseNumber;
  private BreakGlassPurpose emergencyPurpose;
  private String emergencyExplanation;
  private static final int EMERGENCY_PAGE_SIZE = 10;
  private List<EmergencyAccess> emergencyAccesses;
  private long emergencyTotal;
  private int emergencyPage;

  /**
   * Break-glass from the list page: opens the named case read-only for an hour, or says why not.
   */
  public String breakGlass() {
    FacesContext context = FacesContext.getCurrentInstance();
    try {
      Optional<CaseFile> opened =
          emergency.breakGlass(emergencyCaseNumber, emergencyPurpose, emergencyExplanation);
      if (opened.isEmpty()) {
        context.addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_WARN, Texts.get("list.noSuchCase"), null));
        return null;
      }
      context.getExternalContext().getFlash().setKeepMessages(true);
      context.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_WARN,
              Texts.get("list.breakGlass.granted", BreakGlass.BREAK_GLASS_MINUTES),
              null));
      return "/cases/case?faces-redirect=true&n=" + opened.get().getCaseNumber();
    } catch (Conflict | InvalidField | TooMany refused) {
      context.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_WARN, refused.getMessage(), null));
      return null;
    } catch (ConstraintViolationException invalid) {
      invalid
          .getConstraintViolations()
          .forEach(
              v ->
                  context.addMessage(
                      null, new FacesMessage(FacesMessage.SEVERITY_WARN, v.getMessage(), null)));
      return null;
    }
  }

  /**
   * For supervisors: the break-glass openings of their team's cases, ten at a time (read once per
   * page shown), so that every opening of the last 30 days can be reviewed.
   */
  public List<EmergencyAccess> getEmergencyAccesses() {
    if (emergencyAccesses == null) {
      if (user.isSupervisor()) {
        Page<EmergencyAccess> found =
            emergency.emergencyAccesses(
                new PageRequest(emergencyPage, EMERGENCY_PAGE_SIZE, null, false));
        emergencyAccesses = found.items();
        emergencyTotal = found.totalItems();
      } else {
        emergencyAccesses = List.of();
      }
    }
    return emergencyAccesses;
  }

  public long getEmergencyTotal() {
    getEmergencyAccesses();
    return emergencyTotal;
  }

  public boolean isEmergencyOlder() {
    return (long) (emergencyPage + 1) * EMERGENCY_PAGE_SIZE < getEmergencyTotal();
  }

  public boolean isEmergencyNewer() {
    return emergencyPage > 0;
  }

  public void emergencyOlder() {
    emergencyPage++;
    emergencyAccesses = null;
  }

  public void emergencyNewer() {
    emergencyPage = Math.max(0, emergencyPage - 1);
    emergencyAccesses = null;
  }

  public long getBreakGlassMinutes() {
    return BreakGlass.BREAK_GLASS_MINUTES;
  }

  public BreakGlassPurpose[] getPurposes() {
    return BreakGlassPurpose.values();
  }

  public String getEmergencyCaseNumber() {
    return emergencyCaseNumber;
  }

  public void setEmergencyCaseNumber(String emergencyCaseNumber) {
    this.emergencyCaseNumber = emergencyCaseNumber == null ? null : emergencyCaseNumber.trim();
  }

  public BreakGlassPurpose getEmergencyPurpose() {
    return emergencyPurpose;
  }

  public void setEmergencyPurpose(BreakGlassPurpose emergencyPurpose) {
    this.emergencyPurpose = emergencyPurpose;
  }

  public String getEmergencyExplanation() {
    return emergencyExplanation;
  }

  public void setEmergencyExplanation(String emergencyExplanation) {
    this.emergencyExplanation = emergencyExplanation;
  }

  public LazyDataModel<CaseFile> getCases() {
    return cases;
  }

  /** Applies the search and the filters together. */
  public void search() {
    search =
        new CaseSearch(name, birthDate, phone, documentNumber)
            .filtered(status, riskLevel, assignee, exploitationType);
  }

  public void clear() {
    name = null;
    birthDate = null;
    phone = null;
    documentNumber = null;
    status = null;
    riskLevel = null;
    assignee = null;
    exploitationType = null;
    search = CaseSearch.NONE;
  }

  public boolean isSearching() {
    return !search.isEmpty() || !search.filters().isEmpty();
  }

  public CaseStatus[] getStatuses() {
    return CaseStatus.values();
  }

  public RiskLevel[] getRiskLevels() {
    return RiskLevel.values();
  }

  public ExploitationType[] getExploitationTypes() {
    return ExploitationType.values();
  }

  /** The caseworkers a supervisor can filter by; a caseworker sees only their own cases. */
  public List<jakarta.faces.model.SelectItem> getCaseworkers() {
    if (caseworkers == null) {
      caseworkers =
          reassignment.assignableCaseworkers().stream()
              .map(s -> new jakarta.faces.model.SelectItem(s.getUsername(), s.getDisplayName()))
              .toList();
    }
    return caseworkers;
  }

  public CaseStatus getStatus() {
    return status;
  }

  public void setStatus(CaseStatus status) {
    this.status = status;
  }

  public RiskLevel getRiskLevel() {
    return riskLevel;
  }

  public void setRiskLevel(RiskLevel riskLevel) {
    this.riskLevel = riskLevel;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  public ExploitationType getExploitationType() {
    return exploitationType;
  }

  public void setExploitationType(ExploitationType exploitationType) {
    this.exploitationType = exploitationType;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(LocalDate birthDate) {
    this.birthDate = birthDate;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getDocumentNumber() {
    return documentNumber;
  }

  public void setDocumentNumber(String documentNumber) {
    this.documentNumber = documentNumber;
  }

  /** Whether the list's total is exact, or only where counting stopped ("more than"). */
  public boolean isTotalExact() {
    return totalExact;
  }

  /** How many the list counted: all of them when exact, else where counting stopped. */
  public long getCounted() {
    return counted;
  }

  private final class CasePages extends LazyDataModel<CaseFile> {
    private static final long serialVersionUID = 1L;

    /**
     * PrimeFaces asks before it loads; {@link #load} answers with the real total of the same query.
     * A count here as well would cost a second query for every page, and too small a guess would
     * make PrimeFaces move back to the first page.
     */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return Integer.MAX_VALUE;
    }

    @Override
    public List<CaseFile> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
      int size = Math.min(Math.max(pageSize, 1), PageRequest.MAX_SIZE);
      PageRequest request =
          new PageRequest(
              first / size,
              size,
              sort == null ? null : sort.getField().replaceFirst("^record\\.", ""),
              sort == null || sort.getOrder() != SortOrder.DESCENDING);
      var page = caseQueries.list(request, search);
      setRowCount(Math.toIntExact(page.totalItems()));
      totalExact = page.totalExact();
      counted = page.totalItems();
      return page.items();
    }

    @Override
    public String getRowKey(CaseFile c) {
      return c.getCaseNumber();
    }

    @Override
    public CaseFile getRowData(String caseNumber) {
      return caseQueries.open(caseNumber).orElse(null);
    }
  }
}
