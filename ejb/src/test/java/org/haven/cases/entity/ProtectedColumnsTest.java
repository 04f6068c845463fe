package org.haven.cases.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.haven.crypto.entity.Protected;
import org.junit.jupiter.api.Test;

/**
 * Every binary column of the case entities holds ciphertext and says which field it is: a new
 * protected field cannot be added in plain text without this test noticing, and no two columns
 * share associated data.
 */
class ProtectedColumnsTest {

  @Test
  void everyBinaryColumnIsProtectedUnderItsOwnName() {
    Set<String> names = new HashSet<>();
    for (Class<?> type :
        List.of(
            SurvivorCase.class,
            SealedDetails.class,
            Survivor.class,
            BreakGlassAccess.class,
            CaseStatusChange.class,
            CaseNote.class)) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getType() == byte[].class) {
          Protected marker = field.getAnnotation(Protected.class);
          assertTrue(marker != null, type.getSimpleName() + "." + field.getName());
          assertTrue(names.add(marker.value()), "two columns share " + marker.value());
        }
      }
    }
    assertEquals(14, names.size());
  }

  @Test
  void identityAndNarrativeAreNotInPlainColumns() {
    Set<String> plain = new HashSet<>();
    Stream.of(SurvivorCase.class, Survivor.class)
        .flatMap(t -> Stream.of(t.getDeclaredFields()))
        .filter(f -> f.getType() == String.class)
        .forEach(f -> plain.add(f.getName()));
    for (String field :
        List.of("givenNames", "familyName", "birthDate", "email", "address", "narrative")) {
      assertTrue(!plain.contains(field), field + " is a plain column");
    }
  }

  @Test
  void anAgeBandIsDerivedFromTheBirthDate() {
    assertEquals(
        AgeBand.AGE_30_38,
        AgeBand.of(java.time.LocalDate.of(1990, 4, 1), java.time.LocalDate.of(2026, 11, 28)));
    assertEquals(
        AgeBand.AGE_9_17,
        AgeBand.of(java.time.LocalDate.of(2010, 1, 1), java.time.LocalDate.of(2026, 11, 28)));
    assertEquals(AgeBand.AGE_48_PLUS, AgeBand.byCode("48+").orElseThrow());
  }
}
