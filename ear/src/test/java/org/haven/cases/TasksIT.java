package org.haven.cases;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.haven.it.Api;
import org.haven.it.CaseFixture;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Follow-up tasks: generated as a case moves (the test server sets the assessment to be due 5 days
 * after intake, not the default 7, to show the setting is read; the plan 14, high-risk reviews 30),
 * closed by the case's progress, entered by hand, overdue, and on the dashboards.
 */
@ExtendWith(ArquillianExtension.class)
class TasksIT {

  static final DemoStaff CW = DemoStaff.CASEWORKER_NORTH;
  static final DemoStaff SUP = DemoStaff.SUPERVISOR_NORTH;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static List<Map<String, Object>> tasks(String n) {
    return Api.api(CW).get("/cases/" + n + "/tasks").then().statusCode(200).extract().path("");
  }

  static Optional<Map<String, Object>> task(String n, String kind, String status) {
    return tasks(n).stream()
        .filter(t -> kind.equals(t.get("kind")) && status.equals(t.get("status")))
        .findFirst();
  }

  static void moved(DemoStaff user, String n, String to) {
    Api.api(user)
        .body("{\"to\":\"" + to + "\"}")
        .post("/cases/" + n + "/transitions")
        .then()
        .statusCode(200);
  }

  @Test
  void theCasesProgressWritesAndClosesItsFollowUps() {
    String n = CaseFixture.newCase();
    LocalDate today = LocalDate.now();
    Map<String, Object> assessment = task(n, "ASSESSMENT", "OPEN").orElseThrow();
    assertEquals(today.plusDays(5).toString(), assessment.get("dueOn"));
    assertEquals("caseworker.north", assessment.get("assignee"));
    assertEquals(true, assessment.get("generated"));
    assertTrue(task(n, "RISK_REVIEW", "OPEN").isEmpty(), "a medium-risk case has no review");

    moved(CW, n, "ASSESSMENT");
    moved(CW, n, "CASE_PLAN");
    assertTrue(task(n, "ASSESSMENT", "DONE").isPresent(), tasks(n).toString());
    Map<String, Object> plan = task(n, "CASE_PLAN", "OPEN").orElseThrow();
    assertEquals(today.plusDays(14).toString(), plan.get("dueOn"));
    // Submitted is not approved: the plan task stays open until the supervisor approves.
    moved(CW, n, "SERVICE_PROVISION");
    assertTrue(task(n, "CASE_PLAN", "OPEN").isPresent());
    moved(SUP, n, "SERVICE_PROVISION");
    assertTrue(task(n, "CASE_PLAN", "DONE").isPresent(), tasks(n).toString());
    assertTrue(tasks(n).stream().noneMatch(t -> "OPEN".equals(t.get("status"))));
  }

  @Test
  void aHighRiskCaseIsReviewedEveryThirtyDaysUntilItsRiskIsLower() {
    String n =
        Api.api(CW)
            .body("{\"riskLevel\":\"HIGH\"}")
            .post("/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("caseNumber");
    Map<String, Object> review = task(n, "RISK_REVIEW", "OPEN").orElseThrow();
    assertEquals(LocalDate.now().plusDays(30).toString(), review.get("dueOn"));
    // Done by hand: the next review is written.
    Api.api(CW)
        .body("{\"status\":\"DONE\",\"version\":" + review.get("version") + "}")
        .put("/cases/" + n + "/tasks/" + review.get("id"))
        .then()
        .statusCode(200)
        .body("status", equalTo("DONE"))
        .body("closedBy", equalTo("caseworker.north"));
    assertTrue(task(n, "RISK_REVIEW", "OPEN").isPresent(), tasks(n).toString());
    // A new assessment at a lower risk is the review, and no further one is due.
    Api.api(CW)
        .body("{\"riskLevel\":\"MEDIUM\"}")
        .put("/cases/" + n + "/risk")
        .then()
        .statusCode(200);
    assertTrue(task(n, "RISK_REVIEW", "OPEN").isEmpty(), tasks(n).toString());
    assertEquals(2, tasks(n).stream().filter(t -> "RISK_REVIEW".equals(t.get("kind"))).count());
  }

  @Test
  void aTaskByHandIsOverdueOnceItsDateHasPassedAndIsClosedOnce() {
    String n = CaseFixture.newCase();
    Api.api(CW)
        .body("{\"title\":\"Call her sister.\"}")
        .post("/cases/" + n + "/tasks")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("dueOn"));
    Api.api(CW)
        .body("{\"title\":\"Call.\",\"dueOn\":\"2030-01-01\",\"assignee\":\"caseworker.south\"}")
        .post("/cases/" + n + "/tasks")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("assignee"));
    Map<String, Object> added =
        Api.api(CW)
            .body(
                "{\"title\":\"Call her sister.\",\"dueOn\":\""
                    + LocalDate.now().minusDays(2)
                    + "\"}")
            .post("/cases/" + n + "/tasks")
            .then()
            .statusCode(201)
            .body("kind", equalTo("MANUAL"))
            .body("title", equalTo("Call her sister."))
            .body("overdue", equalTo(true))
            .extract()
            .path("");
    Api.api(CW)
        .get("/tasks?overdue=true")
        .then()
        .statusCode(200)
        .body("id", hasItem(added.get("id")));
    Api.api(SUP).get("/tasks?overdue=true").then().body("id", hasItem(added.get("id")));
    Api.api(DemoStaff.SUPERVISOR_SOUTH)
        .get("/tasks")
        .then()
        .statusCode(200)
        .body("id", not(hasItem(added.get("id"))));
    int overdueBefore = Api.api(CW).get("/dashboard").path("overdueTasks");
    assertTrue(overdueBefore >= 1);
    Api.api(CW)
        .body("{\"status\":\"DONE\"}")
        .put("/cases/" + n + "/tasks/" + added.get("id"))
        .then()
        .statusCode(200)
        .body("overdue", equalTo(false));
    Api.api(CW)
        .body("{\"status\":\"CANCELLED\"}")
        .put("/cases/" + n + "/tasks/" + added.get("id"))
        .then()
        .statusCode(409);
    Api.api(CW).get("/tasks?overdue=true").then().body("id", not(hasItem(added.get("id"))));
    assertEquals(overdueBefore - 1, (int) Api.api(CW).get("/dashboard").path("overdueTasks"));
  }

  @Test
  void closingACaseCancelsWhatIsStillOpen() {
    String n = CaseFixture.newCase();
    moved(CW, n, "ASSESSMENT");
    moved(CW, n, "CASE_PLAN");
    moved(SUP, n, "SERVICE_PROVISION");
    Api.api(CW)
        .body("{\"title\":\"Last visit.\",\"dueOn\":\"2030-01-01\"}")
        .post("/cases/" + n + "/tasks")
        .then()
        .statusCode(201);
    moved(CW, n, "CLOSURE_REQUESTED");
    moved(SUP, n, "CLOSED");
    assertTrue(
        tasks(n).stream().noneMatch(t -> "OPEN".equals(t.get("status"))), tasks(n).toString());
    assertTrue(task(n, "MANUAL", "CANCELLED").isPresent());
  }

  @Test
  void dashboardsCountPerRoleAndTheSupervisorSeesWhatWaits() {
    String n = CaseFixture.newCase();
    moved(CW, n, "ASSESSMENT");
    moved(CW, n, "CASE_PLAN");
    moved(CW, n, "SERVICE_PROVISION");
    Map<String, Object> mine =
        Api.api(CW).get("/dashboard").then().statusCode(200).extract().path("");
    assertTrue(((Map<?, ?>) mine.get("byRisk")).containsKey("HIGH"), mine.toString());
    assertTrue(((Map<?, ?>) mine.get("byTeam")).isEmpty(), "teams are for administrators");
    Api.api(SUP)
        .get("/approvals")
        .then()
        .statusCode(200)
        .body("caseNumber", hasItem(n))
        .body("find { it.caseNumber == '" + n + "' }.approves", equalTo("SERVICE_PROVISION"));
    int pending = Api.api(SUP).get("/dashboard").path("pendingApprovals");
    assertTrue(pending >= 1);
    Api.api(DemoStaff.SUPERVISOR_SOUTH)
        .get("/approvals")
        .then()
        .body("caseNumber", not(hasItem(n)));
    Map<String, Object> admin =
        Api.api(DemoStaff.ADMIN).get("/dashboard").then().statusCode(200).extract().path("");
    assertTrue(((Map<?, ?>) admin.get("byTeam")).containsKey("north"), admin.toString());
    assertTrue(!admin.toString().contains("HVN-"), "an administrator sees counts only");
  }
}
