package org.haven.reports.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.haven.access.web.SignedInUser;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.RiskLevel;
import org.haven.problems.InvalidField;
import org.haven.reports.boundary.CaseReport;
import org.haven.reports.boundary.CaseReports;
import org.haven.reports.boundary.CtdcExport;
import org.haven.reports.boundary.DisclosureReport;
import org.haven.reports.boundary.Indicators;
import org.haven.reports.boundary.ReportFilters;
import org.haven.reports.boundary.ReportIndicators;
import org.haven.reports.control.ExportJobs;
import org.haven.ui.Charts;
import org.haven.ui.Labels;
import org.haven.ui.Texts;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Backs {@code reports/index.xhtml}: a table of case counts by one to three dimensions, small cells
 * withheld, with a chart of what is published and downloads as CSV and XLSX (each audited by the
 * boundary).
 */
@Named
@ViewScoped
public class ReportsView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The dimensions the page offers, in the order a donor's questions come. */
  static final List<String> DIMENSIONS =
      List.of(
          "intakeQuarter",
          "intakeYear",
          "intakeMonth",
          "exploitationType",
          "sex",
          "majority",
          "ageBand",
          "nationality",
          "countryOfExploitation",
          "labourType",
          "meansOfControl",
          "recruiterRelationship",
          "recruitmentMethod",
          "riskLevel",
          "status",
          "team");

  @Inject CaseReports reports;
  @Inject SignedInUser user;
  @Inject Labels labels;
  @Inject ReportCells cells;
  @Inject ReportIndicators indicatorReports;
  @Inject CtdcExport ctdc;

  private String first = "exploitationType";
  private String second;
  private String third;
  private LocalDate from;
  private LocalDate to;
  private CaseStatus status;
  private RiskLevel riskLevel;
  private ExploitationType exploitationType;
  private String team;
  private CaseReport report;
  private boolean counted;
  private Indicators indicators;
  private DisclosureReport disclosure;
  private ExportJobs.Status exportJob;

  /** The donors' indicators for the form's period and filters (audited by the boundary). */
  public void showIndicators() {
    try {
      indicators = indicatorReports.indicators(filters());
    } catch (InvalidField refused) {
      Texts.sayAsIs(FacesMessage.SEVERITY_WARN, refused.getMessage());
    }
  }

  public Indicators getIndicators() {
    return indicators;
  }

  /** Works out what the CTDC export would release now (audited by the boundary). */
  public void checkDisclosure() {
    disclosure = ctdc.report();
  }

  /** The last disclosure report: of the check, or of the export just downloaded. */
  public DisclosureReport getDisclosure() {
    return disclosure;
  }

  /** Starts preparing the CTDC export; the page polls its progress. */
  public void prepareExport() {
    exportJob = ctdc.prepare();
  }

  /** Where the export being prepared stands (refreshed by the page's poll). */
  public ExportJobs.Status getExportJob() {
    if (exportJob != null && exportJob.state() == ExportJobs.State.RUNNING) {
      exportJob = ctdc.job(exportJob.id()).orElse(null);
      if (exportJob != null && exportJob.report() != null) {
        disclosure = exportJob.report();
      }
    }
    return exportJob;
  }

  public boolean isExportRunning() {
    ExportJobs.Status job = getExportJob();
    return job != null && job.state() == ExportJobs.State.RUNNING;
  }

  /** The prepared export as a download (recorded by the boundary). */
  public StreamedContent getCtdcExport() {
    ExportJobs.Status job = getExportJob();
    if (job == null || job.state() != ExportJobs.State.DONE) {
      return null;
    }
    byte[] file = ctdc.download(job.id()).orElse(null);
    if (file == null) {
      Texts.say(FacesMessage.SEVERITY_WARN, "reports.ctdc.expired");
      return null;
    }
    return DefaultStreamedContent.builder()
        .name("haven-ctdc.csv")
        .contentType("text/csv; charset=UTF-8")
        .contentLength((long) file.length)
        .stream(() -> new java.io.ByteArrayInputStream(file))
        .build();
  }

  /** "Median 12 days, over 340 cases". */
  public String getFirstService() {
    Indicators.FirstService first = indicators == null ? null : indicators.firstService();
    return first == null || first.medianDays() == null
        ? ""
        : Texts.get("reports.indicators.firstServiceMedian", first.medianDays(), first.cases());
  }

  /** A generalisation's name in the page's language. */
  public String step(String step) {
    return Texts.get("reports.ctdc.step." + step);
  }

  /** Counts with the form's choices; a bad choice is said, nothing else changes. */
  public void count() {
    counted = true;
    try {
      report = reports.cases(groupBy(), filters());
    } catch (InvalidField refused) {
      Texts.sayAsIs(FacesMessage.SEVERITY_WARN, refused.getMessage());
    }
  }

  /** The table: counted once when the page opens, then when the user asks again. */
  public CaseReport getReport() {
    if (!counted) {
      count();
    }
    return report;
  }

  List<String> groupBy() {
    List<String> groupBy = new ArrayList<>();
    for (String d : new String[] {first, second, third}) {
      if (d != null && !d.isEmpty() && !groupBy.contains(d)) {
        groupBy.add(d);
      }
    }
    return groupBy;
  }

  ReportFilters filters() {
    return new ReportFilters(
        from,
        to,
        status,
        riskLevel,
        exploitationType,
        team == null || team.isBlank() ? null : team);
  }

  /** A dimension's name in the page's language. */
  public String dimensionName(String dimension) {
    return Texts.get("reports.dimension." + dimension);
  }

  /**
   * A cell's value in words: a code by its label, a country by its name, none as "Not recorded".
   */
  public String value(String dimension, String value) {
    return cells.words(dimension, value);
  }

  /** A count, or the words that say it is withheld. */
  public String count(CaseReport.Row row) {
    return row.suppressed()
        ? Texts.get("reports.withheld", getReport().suppressedBelow())
        : String.valueOf(row.count());
  }

  /** Chart.js bars of the published cells (a withheld cell has no bar). */
  public String getChart() {
    JsonArrayBuilder names = Json.createArrayBuilder();
    JsonArrayBuilder counts = Json.createArrayBuilder();
    CaseReport r = getReport();
    if (r != null) {
      for (CaseReport.Row row : r.rows()) {
        if (!row.suppressed()) {
          List<String> words = new ArrayList<>();
          row.values().forEach((d, v) -> words.add(value(d, v)));
          names.add(String.join(" · ", words));
          counts.add(row.count());
        }
      }
    }
    return Charts.chart(
        "bar", names, counts, Json.createArrayBuilder().add("#3f6fb5"), Texts.get("reports.cases"));
  }

  public StreamedContent getCsv() {
    return download("csv");
  }

  public StreamedContent getXlsx() {
    return download("xlsx");
  }

  /**
   * The table as a file, counted (and audited) when the user asks for it; a refused question (a
   * period that ends before it starts) is said on the page and downloads nothing.
   */
  private StreamedContent download(String format) {
    CaseReport table;
    try {
      table = reports.download(groupBy(), filters(), format);
    } catch (InvalidField refused) {
      Texts.sayAsIs(FacesMessage.SEVERITY_WARN, refused.getMessage());
      return null;
    }
    ReportFile file = new ReportFile(table, cells, Texts.language());
    boolean csv = "csv".equals(format);
    return DefaultStreamedContent.builder()
        .name("haven-report." + format)
        .contentType(
            csv
                ? "text/csv; charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .writer(
            out -> {
              try {
                if (csv) {
                  file.csv(out);
                } else {
                  file.xlsx(out);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .build();
  }

  public List<String> getDimensions() {
    return DIMENSIONS;
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

  public boolean isAdmin() {
    return user.isAdmin();
  }

  public String getFirst() {
    return first;
  }

  public void setFirst(String first) {
    this.first = first;
  }

  public String getSecond() {
    return second;
  }

  public void setSecond(String second) {
    this.second = second;
  }

  public String getThird() {
    return third;
  }

  public void setThird(String third) {
    this.third = third;
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

  public ExploitationType getExploitationType() {
    return exploitationType;
  }

  public void setExploitationType(ExploitationType exploitationType) {
    this.exploitationType = exploitationType;
  }

  public String getTeam() {
    return team;
  }

  public void setTeam(String team) {
    this.team = team;
  }
}
