package org.haven.cases.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.haven.cases.boundary.CaseFiles;
import org.haven.cases.entity.SurvivorCase;
import org.haven.paging.PageRequest;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Backs {@code cases/list.xhtml}: the case list, loaded page by page from {@link CaseFiles}. */
@Named
@ViewScoped
public class CaseListView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CaseFiles caseFiles;

  private final LazyDataModel<SurvivorCase> cases = new CasePages();

  public LazyDataModel<SurvivorCase> getCases() {
    return cases;
  }

  private final class CasePages extends LazyDataModel<SurvivorCase> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return Math.toIntExact(caseFiles.count());
    }

    @Override
    public List<SurvivorCase> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
      int size = Math.min(Math.max(pageSize, 1), PageRequest.MAX_SIZE);
      PageRequest request =
          new PageRequest(
              first / size,
              size,
              sort == null ? null : sort.getField(),
              sort == null || sort.getOrder() != SortOrder.DESCENDING);
      var page = caseFiles.list(request);
      setRowCount(Math.toIntExact(page.totalItems()));
      return page.items();
    }

    @Override
    public String getRowKey(SurvivorCase c) {
      return c.getCaseNumber();
    }

    @Override
    public SurvivorCase getRowData(String caseNumber) {
      return caseFiles.find(caseNumber).orElse(null);
    }
  }
}
