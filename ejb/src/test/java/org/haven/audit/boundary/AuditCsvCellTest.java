package org.haven.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A cell of the audit export opens in a spreadsheet as text, never as a formula. */
class AuditCsvCellTest {

  @Test
  void whatASpreadsheetWouldRunIsNeutralised() {
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", AuditReview.cell("=HYPERLINK(\"x\")"));
    assertEquals("'+1", AuditReview.cell("+1"));
    assertEquals("'-1", AuditReview.cell("-1"));
    assertEquals("'@SUM(A1)", AuditReview.cell("@SUM(A1)"));
    assertEquals("'\tcmd", AuditReview.cell("\tcmd"));
    assertEquals("\"'\rcmd\"", AuditReview.cell("\rcmd"));
  }

  @Test
  void separatorsQuotesAndLineBreaksAreQuoted() {
    assertEquals("\"a,b\"", AuditReview.cell("a,b"));
    assertEquals("\"say \"\"no\"\"\"", AuditReview.cell("say \"no\""));
    assertEquals("\"two\nlines\"", AuditReview.cell("two\nlines"));
    assertEquals("plain", AuditReview.cell("plain"));
    assertEquals("", AuditReview.cell(null));
  }
}
