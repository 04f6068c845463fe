package org.haven.cases.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.haven.cases.entity.DocumentType;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.problems.InvalidField;
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

  static CaseIntake.SurvivorDetails coded(String sex, String nationality) {
    return new CaseIntake.SurvivorDetails(
        null, null, null, null, null, sex, nationality, null, null, null, null, null, null, null);
  }

  static CaseIntake.SurvivorDetails full() {
    return new CaseIntake.SurvivorDetails(
        "Amina",
        "Bello",
        List.of("Mimi"),
        "1990-04-01",
        null,
        "FEMALE",
        "NG",
        List.of("en", "ha"),
        List.of("+234 803 555 0101"),
        "amina@example.org",
        "12 Example Street\nLagos",
        new CaseIntake.IdentityDocument("PASSPORT", "A1234567"),
        "Ibadan",
        null);
  }

  @Test
  void aCompleteIntakeIsValidAndBecomesACase() {
    CaseIntake intake = new CaseIntake("HIGH", "What happened.", full(), null);
    assertTrue(violations(intake).isEmpty(), violations(intake).toString());
    SurvivorCase c = intake.toCase();
    assertEquals(RiskLevel.HIGH, c.getRiskLevel());
    assertEquals(Sex.FEMALE, c.getSurvivor().getSex());
    assertEquals("NG", c.getSurvivor().getNationality());
    assertEquals(List.of("en", "ha"), c.getSurvivor().getLanguages());
    SurvivorIdentity id = intake.toIdentity();
    assertEquals("Amina Bello", id.fullName());
    assertEquals(List.of("Mimi"), id.getAliases());
    assertEquals(LocalDate.of(1990, 4, 1), id.getBirthDate());
    assertEquals(DocumentType.PASSPORT, id.getDocumentType());
    assertEquals("A1234567", id.getDocumentNumber());
    assertEquals("12 Example Street\nLagos", id.getAddress());
  }

  @Test
  void theRiskLevelIsRequiredAndCoded() {
    assertEquals(
        "choose a risk level: HIGH, MEDIUM or LOW",
        violations(new CaseIntake(null, null, null, null)).get("riskLevel"));
    assertEquals(
        "must be one of HIGH, MEDIUM, LOW",
        violations(new CaseIntake("high", null, null, null)).get("riskLevel"));
  }

  @Test
  void survivorCodesAreChecked() {
    Map<String, String> errors =
        violations(new CaseIntake("LOW", null, coded("F", "Nigeria"), null));
    assertEquals("must be one of FEMALE, MALE, OTHER, UNDISCLOSED", errors.get("survivor.sex"));
    assertTrue(errors.get("survivor.nationality").contains("ISO 3166"));
  }

  @Test
  void identityFieldsAreCheckedWithoutEchoingThem() {
    CaseIntake.SurvivorDetails bad =
        new CaseIntake.SurvivorDetails(
            "Amina\u0007",
            "x".repeat(201),
            null,
            "01/04/1990",
            "adult",
            null,
            null,
            List.of("english"),
            List.of("call me"),
            "not-an-address",
            null,
            new CaseIntake.IdentityDocument("PASS", "A1"),
            null,
            null);
    Map<String, String> errors = violations(new CaseIntake("LOW", null, bad, null));
    assertEquals("must be one line of text", errors.get("survivor.givenNames"));
    assertEquals("must be at most 200 characters", errors.get("survivor.familyName"));
    assertEquals("must be a date written YYYY-MM-DD", errors.get("survivor.birthDate"));
    assertTrue(errors.get("survivor.ageBand").startsWith("must be one of 0-8"));
    assertEquals(
        "must be an ISO 639 language code", errors.get("survivor.languages[0].<list element>"));
    assertTrue(errors.get("survivor.phones[0].<list element>").startsWith("must be a phone"));
    assertEquals("must be an e-mail address", errors.get("survivor.email"));
    assertTrue(errors.get("survivor.document.type").startsWith("must be one of PASSPORT"));
    errors.values().forEach(message -> assertFalse(message.contains("Amina")));
  }

  @Test
  void aDateThatOnlyLooksLikeOneIsRefusedByField() {
    CaseIntake.SurvivorDetails feb30 =
        new CaseIntake.SurvivorDetails(
            null,
            null,
            null,
            "2001-02-30",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    InvalidField e =
        assertThrows(
            InvalidField.class, () -> new CaseIntake("LOW", null, feb30, null).toIdentity());
    assertEquals("survivor.birthDate", e.field());
    assertFalse(e.getMessage().contains("2001"));
  }
}
