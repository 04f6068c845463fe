package org.haven.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.haven.audit.boundary.AuditQuery;
import org.haven.audit.boundary.AuditReview;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.CaseRegistration;
import org.haven.cases.boundary.PossibleDuplicate;
import org.haven.cases.entity.DocumentType;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.it.ActAs;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.notifications.boundary.NotificationDetails;
import org.haven.notifications.boundary.Notifications;
import org.haven.notifications.entity.NotificationKind;
import org.haven.paging.PageRequest;
import org.haven.problems.TooMany;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The duplicate check tells whether a survivor is known anywhere in the organisation, so it is
 * audited with the cases it matched (for the supervisors of their team, not for the one who
 * checked), a match in another team is told to that team's supervisors, and it is limited per
 * person (HAVEN_DUPLICATE_CHECK_HOURLY_LIMIT, 200 in the test server).
 */
@ExtendWith(ArquillianExtension.class)
class DuplicateCheckIT {

  static final int HOURLY_LIMIT = 200;

  @Deployment
  static EnterpriseArchive deployment() {
    return HavenDeployment.withTest(DuplicateCheckIT.class);
  }

  @Inject CaseRegistration registration;
  @Inject Notifications notifications;
  @Inject AuditReview review;
  @Inject ActAs act;

  static SurvivorIdentity someone() {
    SurvivorIdentity id = new SurvivorIdentity();
    id.setGivenNames("Dup" + UUID.randomUUID().toString().substring(0, 8));
    id.setFamilyName("Check");
    id.setBirthDate(LocalDate.of(1994, 5, 17));
    id.setDocumentType(DocumentType.PASSPORT);
    id.setDocumentNumber("D" + UUID.randomUUID().toString().substring(0, 8));
    return id;
  }

  List<AuditEvent> checks(DemoStaff reader) throws Exception {
    return act.as(
        reader,
        () ->
            review
                .events(
                    new AuditQuery(null, null, AuditAction.DUPLICATES_CHECKED, null, null),
                    new PageRequest(0, 100, null, false))
                .items());
  }

  static boolean names(List<AuditEvent> events, String caseNumber) {
    return events.stream()
        .anyMatch(e -> e.getDetails() != null && e.getDetails().contains(caseNumber));
  }

  @Test
  void aMatchInAnotherTeamIsAuditedForThatTeamAndToldToItsSupervisors() throws Exception {
    SurvivorIdentity survivor = someone();
    act.signIn(DemoStaff.SUPERVISOR_NORTH); // a supervisor Haven knows, to be told
    String caseNumber =
        act.as(
            DemoStaff.CASEWORKER_NORTH,
            () ->
                registration
                    .register(
                        new SurvivorCase(RiskLevel.HIGH, new Survivor(Sex.FEMALE, "NG")),
                        survivor,
                        null,
                        null)
                    .getCaseNumber());

    List<PossibleDuplicate> found =
        act.as(DemoStaff.CASEWORKER_SOUTH, () -> registration.possibleDuplicates(survivor));
    assertEquals(1, found.size(), found.toString());
    assertNull(found.get(0).caseNumber(), "a case of another team is not named to the checker");
    assertTrue(found.get(0).message().contains("another team"), found.toString());

    List<NotificationDetails> told =
        act.as(DemoStaff.SUPERVISOR_NORTH, () -> notifications.mine(true));
    assertTrue(
        told.stream()
            .anyMatch(
                n ->
                    n.getKind() == NotificationKind.DUPLICATE_MATCHED
                        && caseNumber.equals(n.getCaseNumber())
                        && n.getAbout().contains("caseworker.south")),
        told.toString());

    assertTrue(names(checks(DemoStaff.ADMIN), caseNumber), "administrators read the match");
    assertTrue(
        names(checks(DemoStaff.SUPERVISOR_NORTH), caseNumber),
        "the matched team's supervisors read it");
    assertFalse(
        names(checks(DemoStaff.CASEWORKER_SOUTH), caseNumber),
        "the checker's own audit view does not give the number away");
    assertFalse(
        names(checks(DemoStaff.SUPERVISOR_SOUTH), caseNumber),
        "nor does their team's supervisor's");
    assertTrue(
        checks(DemoStaff.CASEWORKER_SOUTH).stream()
            .anyMatch(
                e ->
                    "case".equals(e.getObjectType())
                        && e.getDetails().contains("some you may not open")),
        "the checker's own event says there was more, not how much");
  }

  @Test
  void aPersonsChecksAreLimitedPerHourAndRegisteringStaysPossible() throws Exception {
    SurvivorIdentity anybody = someone();
    // Someone new, whose checks no other test counted; the same person on every call.
    String subject = UUID.randomUUID().toString();
    Callable<List<PossibleDuplicate>> check = () -> registration.possibleDuplicates(anybody);
    Callable<CaseFile> register =
        () ->
            registration.register(
                new SurvivorCase(RiskLevel.LOW, new Survivor(Sex.MALE, "NG")), anybody, null, null);
    String first = act.asNewcomer(subject, "supervisor", "south", register).getCaseNumber();
    for (int i = 0; i < HOURLY_LIMIT; i++) {
      act.asNewcomer(subject, "supervisor", "south", check);
    }
    Exception refused =
        assertThrows(Exception.class, () -> act.asNewcomer(subject, "supervisor", "south", check));
    assertTrue(ActAs.causedBy(refused, TooMany.class), refused.toString());
    assertTrue(
        unwrap(refused)
            .getMessage()
            .contains("HAVEN_DUPLICATE_CHECK_HOURLY_LIMIT = " + HOURLY_LIMIT),
        refused.toString());
    // Registering is not limited (it leaves a case and its matches are told): the same survivor
    // again is still reported as a possible duplicate of the first.
    CaseFile again = act.asNewcomer(subject, "supervisor", "south", register);
    assertEquals(
        List.of(first),
        again.getPossibleDuplicates().stream().map(PossibleDuplicate::caseNumber).toList());

    List<AuditEvent> mine =
        act.as(
            DemoStaff.ADMIN,
            () ->
                review
                    .events(
                        new AuditQuery(
                            null,
                            "supervisor." + subject.substring(0, 8),
                            AuditAction.DUPLICATES_CHECKED,
                            null,
                            null),
                        new PageRequest(0, 5, null, false))
                    .items());
    assertTrue(
        mine.stream()
            .anyMatch(
                e ->
                    e.getOutcome() == Outcome.DENIED
                        && e.getDetails().contains("hourly limit of " + HOURLY_LIMIT)),
        "the refusal is audited: " + mine);
  }

  static Throwable unwrap(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof TooMany) {
        return t;
      }
    }
    return thrown;
  }
}
