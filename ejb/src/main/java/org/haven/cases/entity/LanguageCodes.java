package org.haven.cases.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Stores a list of ISO 639 language codes as one column: {@code en,ha}. Not protected. */
@Converter
public class LanguageCodes implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> codes) {
    return codes == null || codes.isEmpty() ? null : String.join(",", codes);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
  }
}
