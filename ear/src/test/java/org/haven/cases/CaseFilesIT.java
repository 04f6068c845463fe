package org.haven.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.haven.cases.boundary.CaseFiles;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorCase;
import org.haven.it.AsAdmin;
import org.haven.it.AsCaseworker;
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
  @Inject AsCaseworker caseworker;
  @Inject AsAdmin admin;

  SurvivorCase register(RiskLevel risk, Survivor survivor) throws Exception {
    return caseworker.call(() -> caseFiles.register(new SurvivorCase(risk, survivor)));
  }

  @Test
  void registersAnOpenCaseWithAnOpaqueNumberOfThisYear() throws Exception {
    SurvivorCase registered = register(RiskLevel.HIGH, new Survivor(Sex.FEMALE, "NG"));

    String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue());
    assertTrue(
        registered.getCaseNumber().matches("HVN-" + year + "-\\d{6,}"), registered.getCaseNumber());
    SurvivorCase reopened =
        caseworker.call(() -> caseFiles.find(registered.getCaseNumber()).orElseThrow());
    assertEquals(CaseStatus.OPEN, reopened.getStatus());
    assertEquals(RiskLevel.HIGH, reopened.getRiskLevel());
    assertEquals(new Survivor(Sex.FEMALE, "NG"), reopened.getSurvivor());
    assertEquals(registered.getCreatedAt(), reopened.getCreatedAt());
    assertEquals(reopened.getCreatedAt(), reopened.getUpdatedAt());
    assertEquals(0, reopened.getVersion());
  }

  @Test
  void aCaseWithoutCodedSurvivorDetailsStillHasASurvivor() throws Exception {
    SurvivorCase registered = register(RiskLevel.LOW, null);
    SurvivorCase reopened =
        caseworker.call(() -> caseFiles.find(registered.getCaseNumber()).orElseThrow());
    assertEquals(new Survivor(), reopened.getSurvivor());
  }

  @Test
  void refusesAnInvalidIntakeAndSavesNothing() throws Exception {
    long before = caseworker.call(caseFiles::count);
    Exception refused =
        assertThrows(Exception.class, () -> register(null, new Survivor(Sex.MALE, "nigeria")));
    assertTrue(causedBy(refused, ConstraintViolationException.class), refused.toString());
    assertEquals(before, caseworker.call(caseFiles::count));
  }

  @Test
  void anUnknownOrMalformedNumberFindsNothing() throws Exception {
    assertTrue(caseworker.call(() -> caseFiles.find("HVN-1999-999999")).isEmpty());
    assertTrue(caseworker.call(() -> caseFiles.find("x".repeat(10_000))).isEmpty());
    assertTrue(caseworker.call(() -> caseFiles.find(null)).isEmpty());
  }

  @Test
  void nobodyWithoutACaseRoleGetsIn() {
    assertThrows(EJBAccessException.class, caseFiles::count);
    Exception refused = assertThrows(Exception.class, () -> admin.call(caseFiles::count));
    assertTrue(causedBy(refused, EJBAccessException.class), refused.toString());
  }

  @Test
  void listsPageByPageWithTheTotal() throws Exception {
    for (int i = 0; i < 3; i++) {
      register(RiskLevel.MEDIUM, null);
    }
    long total = caseworker.call(caseFiles::count);
    Page<SurvivorCase> first =
        caseworker.call(() -> caseFiles.list(new PageRequest(0, 2, null, true)));
    Page<SurvivorCase> second =
        caseworker.call(() -> caseFiles.list(new PageRequest(1, 2, null, true)));

    assertEquals(total, first.totalItems());
    assertEquals(2, first.items().size());
    assertEquals((total + 1) / 2, first.totalPages());
    assertTrue(first.items().stream().noneMatch(second.items()::contains), "pages overlap");
    // Newest first by default.
    assertTrue(!first.items().get(0).getCreatedAt().isBefore(first.items().get(1).getCreatedAt()));
  }

  @Test
  void sortsByRiskInTriageOrderNotAlphabetically() throws Exception {
    register(RiskLevel.LOW, null);
    register(RiskLevel.HIGH, null);
    register(RiskLevel.MEDIUM, null);

    List<RiskLevel> ascending = risks(new PageRequest(0, 100, "riskLevel", true));
    List<RiskLevel> descending = risks(new PageRequest(0, 100, "riskLevel", false));

    assertEquals(ascending.stream().sorted().toList(), ascending);
    assertEquals(RiskLevel.HIGH, ascending.get(0));
    assertEquals(RiskLevel.LOW, descending.get(0));
  }

  @Test
  void sortsByCaseNumber() throws Exception {
    register(RiskLevel.LOW, null);
    register(RiskLevel.LOW, null);
    List<String> numbers =
        caseworker.call(
            () ->
                caseFiles.list(new PageRequest(0, 100, "caseNumber", false)).items().stream()
                    .map(SurvivorCase::getCaseNumber)
                    .toList());
    assertEquals(numbers.stream().sorted(Comparator.reverseOrder()).toList(), numbers);
  }

  private List<RiskLevel> risks(PageRequest request) throws Exception {
    return caseworker.call(
        () -> caseFiles.list(request).items().stream().map(SurvivorCase::getRiskLevel).toList());
  }

  private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
