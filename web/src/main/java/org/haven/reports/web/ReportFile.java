package org.haven.reports.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.haven.reports.boundary.CaseReport;
import org.haven.ui.Texts;

/**
 * A report as a file: CSV for machines (codes as the API writes them, an empty count where it is
 * withheld) and XLSX for people (the page's words, "withheld" where a count is). Both say what the
 * rows count and the threshold below which counts are withheld.
 */
final class ReportFile {

  private final CaseReport report;
  private final ReportCells cells;
  private final Locale language;

  ReportFile(CaseReport report, ReportCells cells, Locale language) {
    this.report = report;
    this.cells = cells;
    this.language = language;
  }

  void csv(OutputStream to) throws IOException {
    Writer out = new OutputStreamWriter(to, StandardCharsets.UTF_8);
    List<String> header = new ArrayList<>(report.groupBy());
    header.add("count");
    header.add("suppressed");
    out.write(String.join(",", header) + "\r\n");
    for (CaseReport.Row row : report.rows()) {
      List<String> line = new ArrayList<>();
      for (String d : report.groupBy()) {
        line.add(cell(row.values().get(d)));
      }
      line.add(row.count() == null ? "" : String.valueOf(row.count()));
      line.add(String.valueOf(row.suppressed()));
      out.write(String.join(",", line) + "\r\n");
    }
    out.write("total" + ",".repeat(report.groupBy().size()) + total() + ",false\r\n");
    out.flush();
  }

  void xlsx(OutputStream to) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      Sheet sheet = book.createSheet(Texts.in(language, "reports.title"));
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      int r = 0;
      Row title = sheet.createRow(r++);
      title.createCell(0).setCellValue(Texts.in(language, "reports.title"));
      title.getCell(0).setCellStyle(bold);
      sheet.createRow(r++).createCell(0).setCellValue(note());
      Row header = sheet.createRow(r++);
      int c = 0;
      for (String d : report.groupBy()) {
        header.createCell(c).setCellValue(cells.dimension(d, language));
        header.getCell(c++).setCellStyle(bold);
      }
      header.createCell(c).setCellValue(Texts.in(language, "reports.count"));
      header.getCell(c).setCellStyle(bold);
      for (CaseReport.Row row : report.rows()) {
        Row line = sheet.createRow(r++);
        int i = 0;
        for (String d : report.groupBy()) {
          line.createCell(i++).setCellValue(cells.words(d, row.values().get(d), language));
        }
        if (row.count() == null) {
          line.createCell(i)
              .setCellValue(Texts.in(language, "reports.withheld", report.suppressedBelow()));
        } else {
          line.createCell(i).setCellValue(row.count());
        }
      }
      Row total = sheet.createRow(r);
      total.createCell(0).setCellValue(Texts.in(language, "reports.total"));
      total.getCell(0).setCellStyle(bold);
      if (report.total() == null) {
        total
            .createCell(report.groupBy().size())
            .setCellValue(Texts.in(language, "reports.withheld", report.suppressedBelow()));
      } else {
        total.createCell(report.groupBy().size()).setCellValue(report.total());
      }
      book.write(to);
      book.dispose();
    }
  }

  private String note() {
    return Texts.in(
        language,
        "mentions".equals(report.counts()) ? "reports.countsMentions" : "reports.countsPersons",
        report.suppressedBelow());
  }

  private String total() {
    return report.total() == null ? "" : String.valueOf(report.total());
  }

  /**
   * A value as a CSV cell; values are codes, but a team's name comes from the identity provider:
   * quoted when it needs to be, and never read as a formula by a spreadsheet.
   */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String safe = value.matches("^[=+\\-@\t\r].*") ? "'" + value : value;
    return safe.matches("[A-Za-z0-9 ._-]*") ? safe : '"' + safe.replace("\"", "\"\"") + '"';
  }
}
