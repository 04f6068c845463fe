package org.haven.services.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

  @Test
  void splitsFieldsAndKeepsTheLineEachRowStartsOn() {
    List<CsvRows.Row> rows =
        CsvRows.parse(
            "name,areas\r\n\"Shelter, North\",\"Lagos;\nIbadan\"\nClinic \"\"A\"\",Kano\n");
    assertEquals(3, rows.size());
    assertEquals(List.of("name", "areas"), rows.get(0).fields());
    assertEquals(List.of("Shelter, North", "Lagos;\nIbadan"), rows.get(1).fields());
    assertEquals(2, rows.get(1).line());
    assertEquals(4, rows.get(2).line());
    assertEquals("Clinic \"\"A\"\"", rows.get(2).field(0));
    assertEquals("", rows.get(2).field(5));
  }

  @Test
  void aQuotedFieldKeepsItsQuotesDoubledInside() {
    assertEquals("say \"hi\"", CsvRows.parse("\"say \"\"hi\"\"\"").get(0).field(0));
  }

  @Test
  void anUnclosedQuoteNamesItsLine() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CsvRows.parse("a\n\"b,c\n"));
    assertEquals("line 2: a quote is never closed", e.getMessage());
  }

  @Test
  void aByteOrderMarkAndALastLineWithoutBreakAreFine() {
    List<CsvRows.Row> rows = CsvRows.parse("\uFEFFname\nx");
    assertEquals(List.of("name"), rows.get(0).fields());
    assertEquals("x", rows.get(1).field(0));
  }
}
