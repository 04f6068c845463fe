package org.haven.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import org.haven.cases.boundary.CaseFiles;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorCase;
import org.haven.it.HavenDeployment;
import org.haven.paging.Page;
import org.haven.paging.PageRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The case-file boundary, inside the server, against the real database. */
@ExtendWith(ArquillianExtension.class)
class CaseFilesIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return HavenDeployment.withTest(CaseFilesIT.class);
  }

  @Inject CaseFiles caseFiles;

  @Test
  void registersAnOpenCaseWithAnOpaqueNumberOfThisYear() {
    SurvivorCase registered =
        caseFiles.register(new SurvivorCase(RiskLevel.HIGH, new Survivor(Sex.FEMALE, "NG")));

    String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue());
    assertTrue(
        registered.getCaseNumber().matches("HVN-" + year + "-\\d{6,}"), registered.getCaseNumber());
    SurvivorCase reopened = caseFiles.find(registered.getCaseNumber()).orElseThrow();
    assertEquals(CaseStatus.OPEN, reopened.getStatus());
    assertEquals(RiskLevel.HIGH, reopened.getRiskLevel());
    assertEquals(new Survivor(Sex.FEMALE, "NG"), reopened.getSurvivor());
    assertEquals(registered.getCreatedAt(), reopened.getCreatedAt());
    assertEquals(reopened.getCreatedAt(), reopened.getUpdatedAt());
    assertEquals(0, reopened.getVersion());
  }

  @Test
  void aCaseWithoutCodedSurvivorDetailsStillHasASurvivor() {
    SurvivorCase registered = caseFiles.register(new SurvivorCase(RiskLevel.LOW, null));
    SurvivorCase reopened = caseFiles.find(registered.getCaseNumber()).orElseThrow();
    assertEquals(new Survivor(), reopened.getSurvivor());
  }

  @Test
  void refusesAnInvalidIntakeAndSavesNothing() {
    long before = caseFiles.count();
    assertThrows(
        ConstraintViolationException.class,
        () -> caseFiles.register(new SurvivorCase(null, new Survivor(Sex.MALE, "nigeria"))));
    assertEquals(before, caseFiles.count());
  }

  @Test
  void anUnknownOrMalformedNumberFindsNothing() {
    assertTrue(caseFiles.find("HVN-1999-999999").isEmpty());
    assertTrue(caseFiles.find("x".repeat(10_000)).isEmpty());
    assertTrue(caseFiles.find(null).isEmpty());
  }

  @Test
  void listsPageByPageWithTheTotal() {
    for (int i = 0; i < 3; i++) {
      caseFiles.register(new SurvivorCase(RiskLevel.MEDIUM, null));
    }
    long total = caseFiles.count();
    Page<SurvivorCase> first = caseFiles.list(new PageRequest(0, 2, null, true));
    Page<SurvivorCase> second = caseFiles.list(new PageRequest(1, 2, null, true));

    assertEquals(total, first.totalItems());
    assertEquals(2, first.items().size());
    assertEquals((total + 1) / 2, first.totalPages());
    assertTrue(first.items().stream().noneMatch(second.items()::contains), "pages overlap");
    // Newest first by default.
    assertTrue(!first.items().get(0).getCreatedAt().isBefore(first.items().get(1).getCreatedAt()));
  }

  @Test
  void sortsByRiskInTriageOrderNotAlphabetically() {
    caseFiles.register(new SurvivorCase(RiskLevel.LOW, null));
    caseFiles.register(new SurvivorCase(RiskLevel.HIGH, null));
    caseFiles.register(new SurvivorCase(RiskLevel.MEDIUM, null));

    List<RiskLevel> ascending = risks(caseFiles.list(new PageRequest(0, 100, "riskLevel", true)));
    List<RiskLevel> descending = risks(caseFiles.list(new PageRequest(0, 100, "riskLevel", false)));

    assertEquals(ascending.stream().sorted().toList(), ascending);
    assertEquals(RiskLevel.HIGH, ascending.get(0));
    assertEquals(RiskLevel.LOW, descending.get(0));
  }

  @Test
  void sortsByCaseNumber() {
    caseFiles.register(new SurvivorCase(RiskLevel.LOW, null));
    caseFiles.register(new SurvivorCase(RiskLevel.LOW, null));
    List<String> numbers =
        caseFiles.list(new PageRequest(0, 100, "caseNumber", false)).items().stream()
            .map(SurvivorCase::getCaseNumber)
            .toList();
    assertEquals(numbers.stream().sorted(java.util.Comparator.reverseOrder()).toList(), numbers);
  }

  private static List<RiskLevel> risks(Page<SurvivorCase> page) {
    return page.items().stream().map(SurvivorCase::getRiskLevel).toList();
  }
}
