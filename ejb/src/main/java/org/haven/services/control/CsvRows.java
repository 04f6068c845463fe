package org.haven.services.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: commas, double quotes around fields that hold commas, quotes or line
 * breaks, a doubled quote inside them) into rows, each with the line it starts on, so that an
 * import can say which line it rejected.
 */
public final class CsvRows {

  /** One row: its fields and the line of the file where it starts (1 is the first line). */
  public record Row(int line, List<String> fields) {

    /** A field by position, trimmed; empty when the row is shorter. */
    public String field(int index) {
      return index < fields.size() ? fields.get(index).strip() : "";
    }

    public boolean isBlank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  private CsvRows() {}

  /** The rows of {@code text}; an unclosed quote is an error naming its line. */
  public static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int rowStart = 1;
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        rows.add(new Row(rowStart, List.copyOf(fields)));
        fields.clear();
        line++;
        rowStart = line;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("line " + rowStart + ": a quote is never closed");
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      rows.add(new Row(rowStart, List.copyOf(fields)));
    }
    return rows;
  }
}
