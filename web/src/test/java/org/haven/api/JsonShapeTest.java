package org.haven.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

  record Survivor(String sex, List<String> languages) {}

  record Intake(String riskLevel, Integer age, Boolean consent, Survivor survivor) {}

  static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }

  @Test
  void namesANestedUnknownProperty() {
    assertEquals(
        List.of(new Problem.FieldError("survivor.phone", "#/survivor/phone", "unknown property")),
        JsonShape.mismatches(json("{\"survivor\":{\"phone\":\"1\"}}"), Intake.class));
  }

  @Test
  void namesValuesOfTheWrongKind() {
    List<Problem.FieldError> errors =
        JsonShape.mismatches(
            json(
                "{\"riskLevel\":42,\"age\":1.5,\"consent\":\"yes\","
                    + "\"survivor\":{\"languages\":[\"ha\",7]}}"),
            Intake.class);
    assertEquals(
        List.of("riskLevel", "age", "consent", "survivor.languages.1"),
        errors.stream().map(Problem.FieldError::field).toList());
    assertTrue(errors.stream().allMatch(e -> e.detail().equals(JsonShape.WRONG_TYPE)));
  }

  @Test
  void anObjectWhereAnObjectBelongsAndNullsFit() {
    assertTrue(
        JsonShape.mismatches(json("{\"riskLevel\":null,\"survivor\":null}"), Intake.class)
            .isEmpty());
    assertEquals(
        "survivor", JsonShape.mismatches(json("{\"survivor\":[1]}"), Intake.class).get(0).field());
    assertFalse(JsonShape.fitsAtTheTop(json("[\"HIGH\"]"), Intake.class));
    assertTrue(JsonShape.fitsAtTheTop(json("null"), Intake.class));
  }

  @Test
  void serverErrorsSayNothingAboutTheCause() {
    Problem problem =
        Problems.serverError(
            ProblemMapper.unwrapped(
                new EJBException(
                    new IllegalStateException("jdbc:postgresql://db/haven password=s3cret"))));
    assertEquals(500, problem.status());
    assertFalse(problem.detail().contains("s3cret"));
    assertFalse(problem.detail().contains("IllegalState"));
    assertTrue(problem.detail().contains("Incident"));
  }
}
