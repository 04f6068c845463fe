package org.haven.cases.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void everyBinaryColumnIsProtectedUnderItsOwnName() throws Exception {
    Set<String> names = new HashSet<>();
    for (Class<?> type : persistentTypes()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getType() == byte[].class) {
          Protected marker = field.getAnnotation(Protected.class);
          assertTrue(marker != null, type.getSimpleName() + "." + field.getName());
          assertTrue(names.add(marker.value()), "two columns share " + marker.value());
        }
      }
    }
    // Survivor identity and narrative (11), the assessment, a status change's reason, a note, a
    // break-glass explanation, a consent's recipient and purpose, a goal, an action, a task, a
    // service's outcome, a referral's reason, return reason and answer note; a document's title,
    // file name and content key.
    assertEquals(28, names.size(), names.toString());
  }

  /** Every entity and embeddable Haven has: found, so that a new one cannot be forgotten here. */
  static List<Class<?>> persistentTypes() throws Exception {
    Path classes =
        Path.of(SurvivorCase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> types = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, ProtectedColumnsTest.class.getClassLoader());
        // Data keys are key material wrapped by the key-encryption key, not field values.
        if (type == org.haven.crypto.entity.DataKey.class) {
          continue;
        }
        if (type.isAnnotationPresent(jakarta.persistence.Entity.class)
            || type.isAnnotationPresent(jakarta.persistence.Embeddable.class)) {
          types.add(type);
        }
      }
    }
    assertTrue(
        types.contains(SealedDetails.class) && types.contains(CaseNote.class), types.toString());
    return types;
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
