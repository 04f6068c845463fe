package org.haven.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.CaseQueries;
import org.haven.cases.boundary.CaseRegistration;
import org.haven.cases.boundary.Reassignment;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorCase;
import org.haven.it.ActAs;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.paging.Page;
import org.haven.paging.PageRequest;
import org.haven.problems.InvalidField;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The case boundaries inside the server, against the real database, as real staff. */
@ExtendWith(ArquillianExtension.class)
class CasesIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return HavenDeployment.withTest(CasesIT.class);
  }

  @Inject CaseQueries caseQueries;
  @Inject CaseRegistration registration;
  @Inject Reassignment reassignment;
  @Inject ActAs act;

  <T> T as(DemoStaff user, Callable<T> work) throws Exception {
    return act.as(user, work);
  }

  SurvivorCase register(DemoStaff user, RiskLevel risk, Survivor survivor) throws Exception {
    return as(
        user,
        () ->
            registration.register(new SurvivorCase(risk, survivor), null, null, null).getRecord());
  }

  boolean sees(DemoStaff user, SurvivorCase c) throws Exception {
    return as(user, () -> caseQueries.open(c.getCaseNumber()).isPresent());
  }

  @Test
  void aCaseworkersCaseIsTheirTeamsAndAssignedToThem() throws Exception {
    SurvivorCase registered =
        register(DemoStaff.CASEWORKER_NORTH, RiskLevel.HIGH, new Survivor(Sex.FEMALE, "NG"));

    String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue());
    assertTrue(registered.getCaseNumber().matches("HVN-" + year + "-\\d{6,}"));
    SurvivorCase reopened =
        as(DemoStaff.CASEWORKER_NORTH, () -> caseQueries.open(registered.getCaseNumber()))
            .orElseThrow()
            .getRecord();
    assertEquals(CaseStatus.OPEN, reopened.getStatus());
    assertEquals(RiskLevel.HIGH, reopened.getRiskLevel());
    assertEquals(new Survivor(Sex.FEMALE, "NG"), reopened.getSurvivor());
    assertEquals("north", reopened.getOwningTeam());
    assertEquals("caseworker.north", reopened.currentCaseworker().orElseThrow().getUsername());
    assertEquals(registered.getCreatedAt(), reopened.getCreatedAt());
    assertEquals(0, reopened.getVersion());
  }

  @Test
  void aCaseworkerSeesOnlyTheCasesAssignedToThem() throws Exception {
    SurvivorCase mine = register(DemoStaff.CASEWORKER_NORTH, RiskLevel.LOW, null);

    assertTrue(sees(DemoStaff.CASEWORKER_NORTH, mine));
    assertFalse(sees(DemoStaff.CASEWORKER2_NORTH, mine), "a colleague's case");
    assertFalse(sees(DemoStaff.CASEWORKER_SOUTH, mine), "another team's case");
    List<String> colleagueList =
        as(
            DemoStaff.CASEWORKER2_NORTH,
            () ->
                caseQueries
                    .list(PageRequest.first(100), null)
                    .map(CaseFile::getRecord)
                    .items()
                    .stream()
                    .map(SurvivorCase::getCaseNumber)
                    .toList());
    assertFalse(colleagueList.contains(mine.getCaseNumber()));
  }

  @Test
  void aSupervisorSeesTheirTeamsCasesOnly() throws Exception {
    SurvivorCase north = register(DemoStaff.CASEWORKER_NORTH, RiskLevel.MEDIUM, null);
    SurvivorCase south = register(DemoStaff.CASEWORKER_SOUTH, RiskLevel.MEDIUM, null);
    assertTrue(sees(DemoStaff.SUPERVISOR_NORTH, north));
    assertFalse(sees(DemoStaff.SUPERVISOR_NORTH, south));
    assertTrue(sees(DemoStaff.SUPERVISOR_SOUTH, south));
    assertFalse(sees(DemoStaff.SUPERVISOR_SOUTH, north));

    // The list and the count hold the same scope as a single look-up: south's cases only.
    Page<SurvivorCase> southPage =
        as(
            DemoStaff.SUPERVISOR_SOUTH,
            () -> caseQueries.list(PageRequest.first(100), null).map(CaseFile::getRecord));
    assertEquals(
        List.of("south"),
        southPage.items().stream().map(SurvivorCase::getOwningTeam).distinct().toList());
    assertTrue(southPage.items().contains(south));
    assertEquals(southPage.totalItems(), (long) as(DemoStaff.SUPERVISOR_SOUTH, caseQueries::count));
  }

  @Test
  void aSupervisorReassignsWithinTheTeamAndTheHistoryStays() throws Exception {
    SurvivorCase c = register(DemoStaff.CASEWORKER_NORTH, RiskLevel.HIGH, null);
    as(DemoStaff.CASEWORKER2_NORTH, () -> null); // provisioned, as after a first sign-in

    SurvivorCase moved =
        as(
                DemoStaff.SUPERVISOR_NORTH,
                () -> reassignment.reassign(c.getCaseNumber(), "caseworker2.north"))
            .orElseThrow()
            .getRecord();

    assertEquals("caseworker2.north", moved.currentCaseworker().orElseThrow().getUsername());
    assertTrue(sees(DemoStaff.CASEWORKER2_NORTH, c));
    assertFalse(sees(DemoStaff.CASEWORKER_NORTH, c), "the previous caseworker lost access");
    SurvivorCase history =
        as(DemoStaff.SUPERVISOR_NORTH, () -> caseQueries.open(c.getCaseNumber()))
            .orElseThrow()
            .getRecord();
    assertEquals(2, history.getAssignments().size());
    assertEquals("supervisor.north", history.getAssignments().get(1).getAssignedBy().getUsername());
  }

  @Test
  void reassignmentStaysInsideTheTeam() throws Exception {
    SurvivorCase c = register(DemoStaff.CASEWORKER_NORTH, RiskLevel.HIGH, null);
    as(DemoStaff.CASEWORKER_SOUTH, () -> null);

    Exception toOtherTeam =
        assertThrows(
            Exception.class,
            () ->
                as(
                    DemoStaff.SUPERVISOR_NORTH,
                    () -> reassignment.reassign(c.getCaseNumber(), "caseworker.south")));
    assertTrue(ActAs.causedBy(toOtherTeam, InvalidField.class), toOtherTeam.toString());
    assertTrue(
        as(
                DemoStaff.SUPERVISOR_SOUTH,
                () -> reassignment.reassign(c.getCaseNumber(), "caseworker.south"))
            .isEmpty(),
        "another team's supervisor finds no such case");
    Exception byCaseworker =
        assertThrows(
            Exception.class,
            () ->
                as(
                    DemoStaff.CASEWORKER_NORTH,
                    () -> reassignment.reassign(c.getCaseNumber(), "caseworker2.north")));
    assertTrue(ActAs.causedBy(byCaseworker, EJBAccessException.class), byCaseworker.toString());
    assertEquals(
        "caseworker.north",
        as(DemoStaff.SUPERVISOR_NORTH, () -> caseQueries.open(c.getCaseNumber()))
            .orElseThrow()
            .getRecord()
            .currentCaseworker()
            .orElseThrow()
            .getUsername());
  }

  @Test
  void aSupervisorMayAssignANewCaseOrLeaveItForLater() throws Exception {
    as(DemoStaff.CASEWORKER2_NORTH, () -> null);
    SurvivorCase assigned =
        as(
            DemoStaff.SUPERVISOR_NORTH,
            () ->
                registration
                    .register(
                        new SurvivorCase(RiskLevel.LOW, null), null, null, "caseworker2.north")
                    .getRecord());
    SurvivorCase later = register(DemoStaff.SUPERVISOR_NORTH, RiskLevel.LOW, null);

    assertEquals("caseworker2.north", assigned.currentCaseworker().orElseThrow().getUsername());
    assertTrue(later.currentCaseworker().isEmpty());
    assertTrue(sees(DemoStaff.SUPERVISOR_NORTH, later));
    Exception byCaseworker =
        assertThrows(
            Exception.class,
            () ->
                as(
                    DemoStaff.CASEWORKER_NORTH,
                    () ->
                        registration
                            .register(
                                new SurvivorCase(RiskLevel.LOW, null),
                                null,
                                null,
                                "caseworker2.north")
                            .getRecord()));
    assertTrue(ActAs.causedBy(byCaseworker, InvalidField.class), byCaseworker.toString());
  }

  @Test
  void refusesAnInvalidIntakeAndSavesNothing() throws Exception {
    long before = as(DemoStaff.SUPERVISOR_NORTH, caseQueries::count);
    Exception refused =
        assertThrows(
            Exception.class,
            () -> register(DemoStaff.CASEWORKER_NORTH, null, new Survivor(Sex.MALE, "nigeria")));
    assertTrue(ActAs.causedBy(refused, ConstraintViolationException.class), refused.toString());
    assertEquals(before, as(DemoStaff.SUPERVISOR_NORTH, caseQueries::count));
  }

  @Test
  void anUnknownOrMalformedNumberFindsNothing() throws Exception {
    assertTrue(as(DemoStaff.SUPERVISOR_NORTH, () -> caseQueries.open("HVN-1999-999999")).isEmpty());
    assertTrue(
        as(DemoStaff.SUPERVISOR_NORTH, () -> caseQueries.open("x".repeat(10_000))).isEmpty());
    assertTrue(as(DemoStaff.SUPERVISOR_NORTH, () -> caseQueries.open(null)).isEmpty());
  }

  @Test
  void nobodyWithoutACaseRoleGetsIn() throws Exception {
    assertThrows(EJBAccessException.class, caseQueries::count);
    Exception refused =
        assertThrows(Exception.class, () -> as(DemoStaff.ADMIN, caseQueries::count));
    assertTrue(ActAs.causedBy(refused, EJBAccessException.class), refused.toString());
  }

  @Test
  void listsPageByPageWithTheTotal() throws Exception {
    for (int i = 0; i < 3; i++) {
      register(DemoStaff.CASEWORKER_NORTH, RiskLevel.MEDIUM, null);
    }
    DemoStaff user = DemoStaff.SUPERVISOR_NORTH;
    long total = as(user, caseQueries::count);
    Page<SurvivorCase> first =
        as(
            user,
            () ->
                caseQueries.list(new PageRequest(0, 2, null, true), null).map(CaseFile::getRecord));
    Page<SurvivorCase> second =
        as(
            user,
            () ->
                caseQueries.list(new PageRequest(1, 2, null, true), null).map(CaseFile::getRecord));

    assertEquals(total, first.totalItems());
    assertEquals(2, first.items().size());
    assertEquals((total + 1) / 2, first.totalPages());
    assertTrue(first.items().stream().noneMatch(second.items()::contains), "pages overlap");
    assertTrue(!first.items().get(0).getCreatedAt().isBefore(first.items().get(1).getCreatedAt()));
  }

  @Test
  void sortsByRiskInTriageOrderNotAlphabetically() throws Exception {
    register(DemoStaff.CASEWORKER_NORTH, RiskLevel.LOW, null);
    register(DemoStaff.CASEWORKER_NORTH, RiskLevel.HIGH, null);
    register(DemoStaff.CASEWORKER_NORTH, RiskLevel.MEDIUM, null);

    List<RiskLevel> ascending = risks(new PageRequest(0, 100, "riskLevel", true));
    List<RiskLevel> descending = risks(new PageRequest(0, 100, "riskLevel", false));

    assertEquals(ascending.stream().sorted().toList(), ascending);
    assertEquals(RiskLevel.HIGH, ascending.get(0));
    assertEquals(RiskLevel.LOW, descending.get(0));
  }

  @Test
  void sortsByCaseNumber() throws Exception {
    register(DemoStaff.CASEWORKER_NORTH, RiskLevel.LOW, null);
    register(DemoStaff.CASEWORKER_NORTH, RiskLevel.LOW, null);
    List<String> numbers =
        as(
            DemoStaff.SUPERVISOR_NORTH,
            () ->
                caseQueries
                    .list(new PageRequest(0, 100, "caseNumber", false), null)
                    .map(CaseFile::getRecord)
                    .items()
                    .stream()
                    .map(SurvivorCase::getCaseNumber)
                    .toList());
    assertEquals(numbers.stream().sorted(Comparator.reverseOrder()).toList(), numbers);
  }

  private List<RiskLevel> risks(PageRequest request) throws Exception {
    return as(
        DemoStaff.SUPERVISOR_NORTH,
        () ->
            caseQueries.list(request, null).map(CaseFile::getRecord).items().stream()
                .map(SurvivorCase::getRiskLevel)
                .toList());
  }
}
