package org.haven.cases.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.stream.Collectors;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.SurvivorCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaseIntakeTest {

  static ValidatorFactory factory;
  static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  static Map<String, String> violations(CaseIntake intake) {
    return validator.validate(intake).stream()
        .collect(
            Collectors.toMap(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage));
  }

  @Test
  void aCompleteIntakeIsValidAndBecomesACase() {
    CaseIntake intake =
        new CaseIntake("HIGH", new CaseIntake.SurvivorDetails("FEMALE", "NG"), null);
    assertTrue(violations(intake).isEmpty());
    SurvivorCase c = intake.toCase();
    assertEquals(RiskLevel.HIGH, c.getRiskLevel());
    assertEquals(Sex.FEMALE, c.getSurvivor().getSex());
    assertEquals("NG", c.getSurvivor().getNationality());
  }

  @Test
  void theRiskLevelIsRequiredAndCoded() {
    assertEquals(
        "choose a risk level: HIGH, MEDIUM or LOW",
        violations(new CaseIntake(null, null, null)).get("riskLevel"));
    assertEquals(
        "must be one of HIGH, MEDIUM, LOW",
        violations(new CaseIntake("high", null, null)).get("riskLevel"));
  }

  @Test
  void survivorCodesAreChecked() {
    Map<String, String> errors =
        violations(new CaseIntake("LOW", new CaseIntake.SurvivorDetails("F", "Nigeria"), null));
    assertEquals("must be one of FEMALE, MALE, OTHER, UNDISCLOSED", errors.get("survivor.sex"));
    assertTrue(errors.get("survivor.nationality").contains("ISO 3166"));
  }
}
