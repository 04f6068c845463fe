package org.haven.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.haven.it.Api;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.it.Keycloak;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trail as seen over REST: every audited endpoint leaves exactly the event it should (found by
 * the request's {@code X-Request-Id}), with actor, roles, team, client address; denials are
 * recorded; the viewer's scope holds; the verifier answers in its documented shape.
 */
@ExtendWith(ArquillianExtension.class)
class AuditApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static RequestSpecification as(DemoStaff user) {
    RequestSpecification request =
        given()
            .baseUri(HavenDeployment.api().toString())
            .accept(ContentType.JSON)
            .contentType(ContentType.JSON);
    return user == null ? request : request.auth().oauth2(Keycloak.cachedToken(user));
  }

  /** The events a request left, sign-ins aside (a token's first request also signs in). */
  static List<Map<String, Object>> eventsOf(Response response) {
    return Api.auditEventsOf(response);
  }

  static Map<String, Object> onlyEvent(Response response, String action, String outcome) {
    return onlyEvent(eventsOf(response), action, outcome);
  }

  static Map<String, Object> onlyEvent(
      List<Map<String, Object>> events, String action, String outcome) {
    assertEquals(1, events.size(), "events of the request: " + events);
    Map<String, Object> event = events.get(0);
    assertEquals(action, event.get("action"), event.toString());
    assertEquals(outcome, event.get("outcome"), event.toString());
    assertNotNull(event.get("clientAddress"));
    assertNotNull(event.get("occurredAt"));
    return event;
  }

  static String register(DemoStaff user) {
    return as(user)
        .body(
            "{\"riskLevel\":\"LOW\",\"survivor\":{\"givenNames\":\"Audit\",\"familyName\":\"Trail\"}}")
        .post("/cases")
        .then()
        .statusCode(201)
        .extract()
        .path("caseNumber");
  }

  @Test
  void everyAuditedEndpointLeavesExactlyItsEvent() {
    Response created =
        as(DemoStaff.CASEWORKER_NORTH)
            .body(
                "{\"riskLevel\":\"HIGH\",\"narrative\":\"x\",\"survivor\":{\"givenNames\":\"Ann\"}}")
            .post("/cases");
    String number = created.path("caseNumber");
    Map<String, Object> registered = onlyEvent(created, "CASE_REGISTERED", "SUCCESS");
    assertEquals(number, registered.get("objectId"));
    assertEquals("caseworker.north", registered.get("actorUsername"));
    assertEquals(DemoStaff.CASEWORKER_NORTH.subject, registered.get("actorSubject"));
    assertEquals("caseworker", registered.get("actorRoles"));
    assertEquals("north", registered.get("actorTeam"));
    assertTrue(((String) registered.get("details")).contains("survivor.givenNames"));
    assertFalse(((String) registered.get("details")).contains("Ann"), "names, never values");

    record Call(
        Function<RequestSpecification, Response> call,
        DemoStaff as,
        String action,
        String outcome,
        String objectId) {}
    String south = register(DemoStaff.CASEWORKER_SOUTH);
    List<Call> calls =
        List.of(
            new Call(
                r -> r.get("/cases/" + number),
                DemoStaff.CASEWORKER_NORTH,
                "CASE_READ",
                "SUCCESS",
                number),
            new Call(
                r -> r.get("/cases/" + south),
                DemoStaff.CASEWORKER_NORTH,
                "CASE_READ",
                "NOT_FOUND",
                south),
            new Call(
                r -> r.get("/cases/Amina"),
                DemoStaff.CASEWORKER_NORTH,
                "CASE_READ",
                "NOT_FOUND",
                "(not a case number)"),
            new Call(
                r -> r.get("/cases"), DemoStaff.CASEWORKER_NORTH, "CASES_LISTED", "SUCCESS", null),
            new Call(
                r -> r.get("/cases?name=Ann"),
                DemoStaff.CASEWORKER_NORTH,
                "CASES_SEARCHED",
                "SUCCESS",
                null),
            new Call(
                r ->
                    r.body("{\"caseworker\":\"caseworker.north\"}")
                        .put("/cases/" + number + "/assignee"),
                DemoStaff.SUPERVISOR_NORTH,
                "CASE_REASSIGNED",
                "SUCCESS",
                number),
            new Call(
                r ->
                    r.body("{\"types\":[\"FORCED_LABOUR\"]}")
                        .put("/cases/" + number + "/exploitation"),
                DemoStaff.CASEWORKER_NORTH,
                "EXPLOITATION_DESCRIBED",
                "SUCCESS",
                number),
            new Call(
                r -> r.body("{\"riskLevel\":\"MEDIUM\"}").put("/cases/" + number + "/risk"),
                DemoStaff.SUPERVISOR_NORTH,
                "RISK_ASSESSED",
                "SUCCESS",
                number),
            new Call(
                r ->
                    r.body(
                            "{\"type\":\"STATISTICS\",\"howObtained\":\"VERBAL\",\"givenOn\":\"2026-01-05\"}")
                        .post("/cases/" + number + "/consents"),
                DemoStaff.CASEWORKER_NORTH,
                "CONSENT_RECORDED",
                "SUCCESS",
                number),
            new Call(
                r -> r.get("/cases/" + number + "/consents"),
                DemoStaff.CASEWORKER_NORTH,
                "CONSENTS_READ",
                "SUCCESS",
                number),
            new Call(
                r -> r.body("{\"text\":\"Needs.\"}").put("/cases/" + number + "/plan/assessment"),
                DemoStaff.CASEWORKER_NORTH,
                "ASSESSMENT_WRITTEN",
                "SUCCESS",
                number),
            new Call(
                r -> r.body("{\"text\":\"Housing.\"}").post("/cases/" + number + "/plan/goals"),
                DemoStaff.CASEWORKER_NORTH,
                "PLAN_CHANGED",
                "SUCCESS",
                number),
            new Call(
                r -> r.get("/cases/" + number + "/plan"),
                DemoStaff.SUPERVISOR_NORTH,
                "PLAN_READ",
                "SUCCESS",
                number),
            new Call(
                r ->
                    r.body("{\"title\":\"Call.\",\"dueOn\":\"2030-01-01\"}")
                        .post("/cases/" + number + "/tasks"),
                DemoStaff.CASEWORKER_NORTH,
                "TASK_ADDED",
                "SUCCESS",
                number),
            new Call(
                r -> r.get("/cases/" + number + "/tasks"),
                DemoStaff.CASEWORKER_NORTH,
                "TASKS_READ",
                "SUCCESS",
                number),
            new Call(
                r -> r.get("/tasks"), DemoStaff.CASEWORKER_NORTH, "TASKS_READ", "SUCCESS", null),
            new Call(
                r -> r.get("/approvals"),
                DemoStaff.SUPERVISOR_NORTH,
                "CASES_LISTED",
                "SUCCESS",
                null),
            new Call(
                r -> r.get("/cases/" + south + "/plan"),
                DemoStaff.CASEWORKER_NORTH,
                "PLAN_READ",
                "NOT_FOUND",
                south),
            new Call(
                r ->
                    r.body("{\"reason\":\"SURVIVOR_REQUEST\"}")
                        .post("/cases/" + number + "/erasure-request"),
                DemoStaff.CASEWORKER_NORTH,
                "ERASURE_REQUESTED",
                "SUCCESS",
                number),
            new Call(
                r -> r.delete("/cases/" + number + "/erasure-request"),
                DemoStaff.CASEWORKER_NORTH,
                "ERASURE_WITHDRAWN",
                "SUCCESS",
                number),
            new Call(
                r -> r.body("{}").post("/cases/" + number + "/erasure"),
                DemoStaff.CASEWORKER_NORTH,
                "ACCESS_DENIED",
                "DENIED",
                null),
            new Call(
                r ->
                    r.body("{\"reason\":\"RECORDED_IN_ERROR\"}")
                        .post("/cases/" + number + "/erasure"),
                DemoStaff.SUPERVISOR_NORTH,
                "SURVIVOR_ERASED",
                "SUCCESS",
                number),
            new Call(r -> r.get("/cases"), DemoStaff.ADMIN, "ACCESS_DENIED", "DENIED", null),
            // (Refusals without a caller are counted and written once a minute:
            // AnonymousRefusalsIT.)
            new Call(
                r -> r.put("/admin/users/caseworker2.north/roles/caseworker"),
                DemoStaff.ADMIN,
                "ROLE_GRANTED",
                "SUCCESS",
                "caseworker2.north"),
            new Call(
                r -> r.delete("/admin/users/caseworker2.north/roles/admin"),
                DemoStaff.ADMIN,
                "ROLE_REVOKED",
                "SUCCESS",
                "caseworker2.north"),
            new Call(
                r -> r.body("{\"team\":\"north\"}").put("/admin/users/caseworker2.north/team"),
                DemoStaff.ADMIN,
                "TEAM_CHANGED",
                "SUCCESS",
                "caseworker2.north"),
            new Call(
                r -> r.body("{\"enabled\":true}").put("/admin/users/caseworker2.north/enabled"),
                DemoStaff.ADMIN,
                "USER_ENABLED",
                "SUCCESS",
                "caseworker2.north"),
            new Call(
                r -> r.accept("text/csv").get("/audit/events.csv"),
                DemoStaff.SUPERVISOR_NORTH,
                "AUDIT_EXPORTED",
                "SUCCESS",
                null),
            new Call(
                r -> r.get("/audit/verify"), DemoStaff.ADMIN, "AUDIT_VERIFIED", "SUCCESS", null));
    for (Call c : calls) {
      Response response = c.call().apply(as(c.as()));
      assertTrue(response.statusCode() < 500, response.asString());
      List<Map<String, Object>> events = eventsOf(response);
      if (response.statusCode() < 400
          && c.objectId() != null
          && c.objectId().endsWith(".north")
          && events.stream().anyMatch(e -> "user".equals(e.get("objectType")))) {
        // A change of a user's access is also written for their team, where its supervisors
        // read it: one event more, about the team.
        List<Map<String, Object>> forTeam =
            events.stream().filter(e -> "team".equals(e.get("objectType"))).toList();
        assertEquals(1, forTeam.size(), "team events: " + events);
        assertEquals("north", forTeam.get(0).get("objectId"));
        assertEquals(c.action(), forTeam.get(0).get("action"));
        events = events.stream().filter(e -> !"team".equals(e.get("objectType"))).toList();
      }
      Map<String, Object> event = onlyEvent(events, c.action(), c.outcome());
      if (c.objectId() != null) {
        assertEquals(c.objectId(), event.get("objectId"), event.toString());
      }
      if (c.as() != null) {
        assertEquals(c.as().username, event.get("actorUsername"), event.toString());
      }
    }
  }

  @Test
  void servicesReferralsSummariesAndNotificationsLeaveTheirEvents() {
    DemoStaff cw = DemoStaff.CASEWORKER_NORTH;
    DemoStaff sup = DemoStaff.SUPERVISOR_NORTH;
    String number = register(cw);

    Response type =
        as(DemoStaff.ADMIN)
            .body("{\"name\":\"Shelter\",\"active\":true}")
            .put("/admin/services/SHELTER");
    assertEquals("SHELTER", onlyEvent(type, "SERVICE_TYPE_SAVED", "SUCCESS").get("objectId"));
    Response provider =
        as(DemoStaff.ADMIN)
            .body(
                "{\"name\":\"Audit clinic "
                    + System.nanoTime()
                    + "\",\"serviceTypes\":[\"LEGAL_AID\"],\"responseTimeHours\":48}")
            .post("/admin/providers");
    int providerId = provider.path("id");
    assertEquals(
        String.valueOf(providerId),
        onlyEvent(provider, "PROVIDER_SAVED", "SUCCESS").get("objectId"));
    onlyEvent(
        as(DemoStaff.ADMIN)
            .contentType("text/csv")
            .body(
                "name,serviceTypes,areas,phone,email,address,responseTimeHours\n"
                    + "Audit import "
                    + System.nanoTime()
                    + ",MEDICAL,north,,,,24\n")
            .post("/admin/providers/import"),
        "PROVIDERS_IMPORTED",
        "SUCCESS");

    Response planned =
        as(cw)
            .body(
                "{\"serviceType\":\"LEGAL_AID\",\"providerId\":"
                    + providerId
                    + ",\"plannedOn\":\"2030-01-01\"}")
            .post("/cases/" + number + "/services");
    assertEquals(number, onlyEvent(planned, "SERVICE_PLANNED", "SUCCESS").get("objectId"));
    onlyEvent(
        as(cw)
            .body("{\"status\":\"CANCELLED\"}")
            .put("/cases/" + number + "/services/" + planned.path("id")),
        "SERVICE_CHANGED",
        "SUCCESS");
    onlyEvent(as(cw).get("/cases/" + number + "/services"), "SERVICES_READ", "SUCCESS");

    Response created =
        as(cw)
            .body(
                "{\"serviceType\":\"LEGAL_AID\",\"providerId\":"
                    + providerId
                    + ",\"reason\":\"Advice on wages owed.\"}")
            .post("/cases/" + number + "/referrals");
    int referral = created.path("id");
    assertEquals(number, onlyEvent(created, "REFERRAL_CREATED", "SUCCESS").get("objectId"));
    String moves = "/cases/" + number + "/referrals/" + referral + "/transitions";
    onlyEvent(
        as(cw).body("{\"to\":\"PENDING_APPROVAL\"}").post(moves), "REFERRAL_TRANSITION", "SUCCESS");
    onlyEvent(as(sup).get("/referrals/awaiting-approval"), "REFERRALS_READ", "SUCCESS");
    onlyEvent(as(cw).body("{\"to\":\"SENT\"}").post(moves), "ACCESS_DENIED", "DENIED");
    onlyEvent(as(sup).body("{\"to\":\"SENT\"}").post(moves), "REFERRAL_TRANSITION", "SUCCESS");
    onlyEvent(as(cw).get("/cases/" + number + "/referrals"), "REFERRALS_READ", "SUCCESS");

    String summary = "/cases/" + number + "/referrals/" + referral + "/summary.pdf";
    Map<String, Object> downloaded =
        onlyEvent(
            as(cw).accept("application/pdf").get(summary),
            "REFERRAL_SUMMARY_DOWNLOADED",
            "SUCCESS");
    assertEquals("referral " + referral + "; fields: none", downloaded.get("details"));
    onlyEvent(
        as(DemoStaff.SUPERVISOR_SOUTH).accept("application/pdf").get(summary),
        "REFERRAL_SUMMARY_DOWNLOADED",
        "NOT_FOUND");

    onlyEvent(as(sup).get("/notifications"), "NOTIFICATIONS_READ", "SUCCESS");
    Map<String, Object> foreign =
        onlyEvent(as(cw).post("/notifications/0/read"), "NOTIFICATIONS_READ", "NOT_FOUND");
    assertEquals("0", foreign.get("objectId"));
  }

  @Test
  void aKeyRotationIsRecordedWhenItStartsAndWhenItEnds() throws InterruptedException {
    // Another test's rotation may still run: start ours once it has finished.
    Response[] attempt = new Response[1];
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                (attempt[0] = as(DemoStaff.ADMIN).post("/admin/keys/rotation")).statusCode()
                    != 409);
    Response started = attempt[0];
    assertEquals(202, started.statusCode(), started.asString());
    String key = started.path("rotation.newKeyId");
    assertEquals(key, onlyEvent(started, "KEY_ROTATION_STARTED", "SUCCESS").get("objectId"));
    Awaitility.await("a KEY_ROTATION_FINISHED event for key " + key)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                as(DemoStaff.ADMIN)
                    .get("/audit/events?action=KEY_ROTATION_FINISHED&size=100")
                    .jsonPath()
                    .getList("items.objectId")
                    .contains(key));
  }

  @Test
  void aSearchRecordsThatItHappenedAndItsCountNeverItsTerms() {
    Response search = as(DemoStaff.SUPERVISOR_NORTH).get("/cases?name=Qz9Secret&phone=0800");
    Map<String, Object> event = onlyEvent(search, "CASES_SEARCHED", "SUCCESS");
    assertEquals("criteria: name,phone; results: 0; shown: ", event.get("details"));
    assertFalse(event.toString().contains("Qz9Secret"));
  }

  @Test
  void theFirstRequestOfASessionIsASignIn() {
    String token = Keycloak.accessToken("supervisor.south");
    Response first =
        given().baseUri(HavenDeployment.api().toString()).auth().oauth2(token).get("/cases");
    String requestId = first.header("X-Request-Id");
    List<Map<String, Object>> recent =
        as(DemoStaff.ADMIN).get("/audit/events?action=SIGN_IN&size=100").path("items");
    assertTrue(
        recent.stream()
            .anyMatch(
                e ->
                    requestId.equals(e.get("requestId"))
                        && "supervisor.south".equals(e.get("actorUsername"))),
        "no sign-in for " + requestId);
  }

  @Test
  void eachRoleReadsOnlyItsPartOfTheTrail() {
    register(DemoStaff.CASEWORKER_SOUTH);
    register(DemoStaff.CASEWORKER_NORTH);
    List<Map<String, Object>> own =
        as(DemoStaff.CASEWORKER_NORTH)
            .get("/audit/events?size=100")
            .then()
            .statusCode(200)
            .extract()
            .path("items");
    assertFalse(own.isEmpty());
    assertTrue(
        own.stream()
            .allMatch(e -> DemoStaff.CASEWORKER_NORTH.subject.equals(e.get("actorSubject"))));
    List<Map<String, Object>> team =
        as(DemoStaff.SUPERVISOR_NORTH).get("/audit/events?size=100").path("items");
    // What members of the team did, and what anyone did about the team (its access, its cases
    // matched by a duplicate check), never a member's record about another team.
    assertTrue(
        team.stream()
            .allMatch(
                e ->
                    "team".equals(e.get("objectType"))
                        ? "north".equals(e.get("objectId"))
                        : "north".equals(e.get("actorTeam"))),
        team.toString());
    assertTrue(team.stream().anyMatch(e -> "caseworker.north".equals(e.get("actorUsername"))));
    List<Map<String, Object>> all = as(DemoStaff.ADMIN).get("/audit/events?size=100").path("items");
    assertTrue(all.stream().anyMatch(e -> "south".equals(e.get("actorTeam"))));
    // Filters: by case number and action.
    String number = register(DemoStaff.CASEWORKER_NORTH);
    List<Map<String, Object>> ofCase =
        as(DemoStaff.ADMIN)
            .get("/audit/events?caseNumber=" + number + "&action=CASE_REGISTERED")
            .path("items");
    assertEquals(1, ofCase.size());
    as(DemoStaff.ADMIN).get("/audit/events?action=NOPE").then().statusCode(400);
    as(DemoStaff.ADMIN).get("/audit/events?from=2026-02-30").then().statusCode(400);
  }

  @Test
  void theVerifierAnswersInItsDocumentedShape() {
    Response verified = as(DemoStaff.ADMIN).get("/audit/verify");
    verified.then().statusCode(200);
    assertEquals(Boolean.TRUE, verified.path("intact"), verified.asString());
    assertTrue(((Number) verified.path("verifiedThrough")).longValue() > 0);
    assertEquals(
        List.of("intact", "verifiedThrough"), List.copyOf(verified.jsonPath().getMap("").keySet()));
  }
}
