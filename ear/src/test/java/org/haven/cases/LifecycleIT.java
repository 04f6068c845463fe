package org.haven.cases;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.haven.it.Api.api;
import static org.haven.it.CaseFixture.newCase;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.haven.cases.control.CaseLifecycle;
import org.haven.cases.entity.CaseStatus;
import org.haven.it.Api;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The case lifecycle over REST: the whole road from intake to closure and back, with the
 * supervisor's approvals and returns, every illegal move refused naming the allowed ones, stale
 * versions refused, and the history of who did what. And case notes, append-only.
 */
@ExtendWith(ArquillianExtension.class)
class LifecycleIT {

  static final DemoStaff CW = DemoStaff.CASEWORKER_NORTH;
  static final DemoStaff SUP = DemoStaff.SUPERVISOR_NORTH;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static Response move(DemoStaff user, String number, String to) {
    return moveWith(user, number, "{\"to\":\"" + to + "\"}");
  }

  static Response moveWith(DemoStaff user, String number, String body) {
    return api(user).body(body).post("/cases/" + number + "/transitions");
  }

  static void moved(DemoStaff user, String number, String to) {
    move(user, number, to).then().statusCode(200).body("status", equalTo(to));
  }

  @Test
  void fromIntakeToClosureWithTheSupervisorsApprovals() {
    String n = newCase();
    moved(CW, n, "ASSESSMENT");
    moved(CW, n, "CASE_PLAN");
    // The caseworker submits the plan: it waits for a supervisor.
    move(CW, n, "SERVICE_PROVISION")
        .then()
        .statusCode(200)
        .body("status", equalTo("CASE_PLAN"))
        .body("pendingApproval", equalTo("SERVICE_PROVISION"));
    move(CW, n, "SERVICE_PROVISION").then().statusCode(409);
    // Returned with a reason, submitted again, approved.
    Api.api(SUP)
        .body("{\"reason\":\"Add the legal aid referral to the plan.\"}")
        .post("/cases/" + n + "/return")
        .then()
        .statusCode(200)
        .body("status", equalTo("CASE_PLAN"))
        .body("pendingApproval", nullValue());
    move(CW, n, "SERVICE_PROVISION").then().body("pendingApproval", equalTo("SERVICE_PROVISION"));
    moved(SUP, n, "SERVICE_PROVISION");
    moved(CW, n, "CLOSURE_REQUESTED");
    move(CW, n, "CLOSED").then().statusCode(409);
    // A closure request returned goes back to service provision; requested again; approved.
    Api.api(SUP)
        .body("{\"reason\":\"Follow-up visit first.\"}")
        .post("/cases/" + n + "/return")
        .then()
        .statusCode(200)
        .body("status", equalTo("SERVICE_PROVISION"));
    moved(CW, n, "CLOSURE_REQUESTED");
    moved(SUP, n, "CLOSED");
    // Reopening needs a reason; then back to assessment.
    move(CW, n, "REOPENED").then().statusCode(400).body("errors[0].field", equalTo("reason"));
    moveWith(CW, n, "{\"to\":\"REOPENED\",\"reason\":\"New threat reported.\"}")
        .then()
        .statusCode(200);
    moved(CW, n, "ASSESSMENT");

    Response read = Api.api(SUP).get("/cases/" + n + "/history");
    List<Map<String, Object>> history = read.then().statusCode(200).extract().path("");
    List<Map<String, Object>> events = Api.auditEventsOf(read);
    assertEquals(1, events.size(), events.toString());
    assertEquals("CASE_READ", events.get(0).get("action"));
    assertEquals("status history: 12", events.get(0).get("details"));
    assertEquals(
        List.of(
            "OPEN>ASSESSMENT MOVED caseworker.north",
            "ASSESSMENT>CASE_PLAN MOVED caseworker.north",
            "CASE_PLAN>SERVICE_PROVISION SUBMITTED caseworker.north",
            "CASE_PLAN>CASE_PLAN RETURNED supervisor.north",
            "CASE_PLAN>SERVICE_PROVISION SUBMITTED caseworker.north",
            "CASE_PLAN>SERVICE_PROVISION APPROVED supervisor.north",
            "SERVICE_PROVISION>CLOSURE_REQUESTED MOVED caseworker.north",
            "CLOSURE_REQUESTED>SERVICE_PROVISION RETURNED supervisor.north",
            "SERVICE_PROVISION>CLOSURE_REQUESTED MOVED caseworker.north",
            "CLOSURE_REQUESTED>CLOSED APPROVED supervisor.north",
            "CLOSED>REOPENED MOVED caseworker.north",
            "REOPENED>ASSESSMENT MOVED caseworker.north"),
        history.stream()
            .map(
                h ->
                    h.get("from")
                        + ">"
                        + h.get("to")
                        + " "
                        + h.get("kind")
                        + " "
                        + h.get("byUsername"))
            .toList());
    assertEquals("Add the legal aid referral to the plan.", history.get(3).get("reason"));
  }

  @Test
  void everyIllegalMoveIsRefusedNamingTheAllowedOnes() {
    String n = newCase();
    for (CaseStatus to : CaseStatus.values()) {
      if (CaseLifecycle.move(CaseStatus.OPEN, to).isPresent()) {
        continue;
      }
      move(CW, n, to.name())
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("detail", containsString("cannot move from OPEN to " + to))
          .body("allowed", contains("ASSESSMENT"));
    }
    move(CW, n, "LIMBO").then().statusCode(400).body("errors[0].field", equalTo("to"));
    Api.api(CW).get("/cases/" + n).then().body("status", equalTo("OPEN"));
  }

  /** The road a supervisor can walk a case along alone, every move of it legal. */
  static final List<CaseStatus> ROAD =
      List.of(
          CaseStatus.OPEN,
          CaseStatus.ASSESSMENT,
          CaseStatus.CASE_PLAN,
          CaseStatus.SERVICE_PROVISION,
          CaseStatus.CLOSURE_REQUESTED,
          CaseStatus.CLOSED,
          CaseStatus.REOPENED);

  /** A new case of caseworker.north, brought to {@code status} by their supervisor. */
  static String caseAt(CaseStatus status) {
    String n = newCase();
    for (CaseStatus next : ROAD.subList(1, ROAD.indexOf(status) + 1)) {
      moveWith(SUP, n, "{\"to\":\"" + next + "\",\"reason\":\"Walking the road.\"}")
          .then()
          .statusCode(200)
          .body("status", equalTo(next.name()));
    }
    return n;
  }

  /**
   * Every status against every target, for the caseworker and the supervisor: what the lifecycle
   * table allows is done (on a case of its own), everything else is a 409 naming exactly the
   * allowed moves, and the case stays where it was.
   */
  @Test
  void everyMoveFromEveryStatusIsDoneOrRefusedAsTheTableSays() {
    for (CaseStatus from : ROAD) {
      for (DemoStaff user : List.of(CW, SUP)) {
        boolean supervisor = user == SUP;
        List<String> allowed =
            CaseLifecycle.allowedFrom(from, supervisor).stream().map(Enum::name).toList();
        String n = caseAt(from);
        for (CaseStatus to : CaseStatus.values()) {
          String body = "{\"to\":\"" + to + "\",\"reason\":\"Checking the table.\"}";
          if (allowed.contains(to.name())) {
            Response done = moveWith(user, caseAt(from), body);
            done.then().statusCode(200);
            boolean submitted = !supervisor && to == CaseStatus.SERVICE_PROVISION;
            assertEquals(
                submitted ? from.name() : to.name(),
                done.path("status"),
                user.username + " " + from + " -> " + to);
            if (submitted) {
              assertEquals("SERVICE_PROVISION", done.path("pendingApproval"));
            }
          } else {
            Response refused = moveWith(user, n, body);
            refused.then().statusCode(409);
            assertEquals(
                allowed, refused.path("allowed"), user.username + " " + from + " -> " + to);
          }
        }
        api(user).get("/cases/" + n).then().body("status", equalTo(from.name()));
      }
    }
  }

  @Test
  void aMoveBasedOnAStaleVersionIsAConflictAndChangesNothing() {
    String n = newCase();
    int version = Api.api(CW).get("/cases/" + n).path("version");
    moveWith(CW, n, "{\"to\":\"ASSESSMENT\",\"version\":" + version + "}").then().statusCode(200);
    moveWith(SUP, n, "{\"to\":\"CASE_PLAN\",\"version\":" + version + "}")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:haven:problem:conflict"));
    Api.api(CW).get("/cases/" + n).then().body("status", equalTo("ASSESSMENT"));
  }

  @Test
  void notesAreAppendOnlyAndCorrectionsPointAtWhatTheyCorrect() {
    String n = newCase();
    Response first =
        Api.api(CW)
            .body("{\"text\":\"Met at the clinic on Monday.\"}")
            .post("/cases/" + n + "/notes");
    first.then().statusCode(201).body("text", equalTo("Met at the clinic on Monday."));
    int id = first.path("id");
    Api.api(SUP)
        .body("{\"text\":\"Correction: it was Tuesday.\",\"corrects\":" + id + "}")
        .post("/cases/" + n + "/notes")
        .then()
        .statusCode(201)
        .body("corrects", equalTo(id))
        .body("authorUsername", equalTo("supervisor.north"));
    Api.api(CW)
        .get("/cases/" + n + "/notes")
        .then()
        .statusCode(200)
        .body("$", hasSize(2))
        .body("[0].text", equalTo("Met at the clinic on Monday."))
        .body("[1].corrects", equalTo(id));
    Api.api(CW).body("{\"text\":\" \"}").post("/cases/" + n + "/notes").then().statusCode(400);
    Api.api(CW)
        .body("{\"text\":\"x\",\"corrects\":999999}")
        .post("/cases/" + n + "/notes")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("corrects"));
    Api.api(DemoStaff.CASEWORKER_SOUTH).get("/cases/" + n + "/notes").then().statusCode(404);
  }
}
