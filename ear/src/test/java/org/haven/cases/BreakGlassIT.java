package org.haven.cases;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
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
 * Break-glass over REST: an emergency, read-only, time-limited opening of a case outside one's
 * scope, with a coded purpose and a written explanation; the case team's supervisors see it, the
 * trail records it, and nothing else about access changes.
 */
@ExtendWith(ArquillianExtension.class)
class BreakGlassIT {

  static final String WHY = "Admitted unconscious at the district hospital; allergies needed.";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static String northCase() {
    return Api.api(DemoStaff.CASEWORKER_NORTH)
        .body(
            "{\"riskLevel\":\"HIGH\",\"survivor\":{\"givenNames\":\"Rose\",\"familyName\":\"Glass\"}}")
        .post("/cases")
        .then()
        .statusCode(201)
        .extract()
        .path("caseNumber");
  }

  static Response breakGlass(DemoStaff user, String number, String body) {
    return Api.api(user).body(body).post("/cases/" + number + "/break-glass");
  }

  static String body(String purpose, String explanation) {
    return "{\"purpose\":\"" + purpose + "\",\"explanation\":\"" + explanation + "\"}";
  }

  @Test
  void anotherTeamOpensACaseInAnEmergencyReadOnlyAndItsSupervisorsSeeIt() {
    String number = northCase();
    Api.api(DemoStaff.CASEWORKER_SOUTH).get("/cases/" + number).then().statusCode(404);

    Response opened =
        breakGlass(DemoStaff.CASEWORKER_SOUTH, number, body("MEDICAL_EMERGENCY", WHY));
    opened.then().statusCode(200).body("survivor.familyName", equalTo("Glass"));
    Api.api(DemoStaff.CASEWORKER_SOUTH)
        .get("/cases/" + number)
        .then()
        .statusCode(200)
        .body("caseNumber", equalTo(number));
    // Read-only: no erasure request, no reassignment through break-glass.
    Api.api(DemoStaff.CASEWORKER_SOUTH)
        .body("{\"reason\":\"SURVIVOR_REQUEST\"}")
        .post("/cases/" + number + "/erasure-request")
        .then()
        .statusCode(404);

    List<Map<String, Object>> review =
        Api.api(DemoStaff.SUPERVISOR_NORTH)
            .get("/break-glass?size=100")
            .then()
            .statusCode(200)
            .extract()
            .path("items");
    Map<String, Object> entry =
        review.stream().filter(b -> number.equals(b.get("caseNumber"))).findFirst().orElseThrow();
    assertEquals("caseworker.south", entry.get("username"));
    assertEquals("MEDICAL_EMERGENCY", entry.get("purpose"));
    assertEquals(WHY, entry.get("explanation"));
    assertTrue(entry.get("expiresAt") != null);
    List<Map<String, Object>> otherTeam =
        Api.api(DemoStaff.SUPERVISOR_SOUTH).get("/break-glass?size=100").path("items");
    assertFalse(otherTeam.stream().anyMatch(b -> number.equals(b.get("caseNumber"))));

    String requestId = opened.header("X-Request-Id");
    List<Map<String, Object>> events =
        Api.api(DemoStaff.ADMIN).get("/audit/events?action=BREAK_GLASS&size=100").path("items");
    Map<String, Object> event =
        events.stream()
            .filter(e -> requestId.equals(e.get("requestId")))
            .filter(e -> "case".equals(e.get("objectType")))
            .findFirst()
            .orElseThrow();
    assertEquals(number, event.get("objectId"));
    assertEquals("MEDICAL_EMERGENCY", event.get("reason"));
    assertEquals("caseworker.south", event.get("actorUsername"));
    assertFalse(event.toString().contains("unconscious"), "the explanation stays out of the trail");

    // The owning team's supervisors read the opening in their own audit view.
    List<Map<String, Object>> teamView =
        Api.api(DemoStaff.SUPERVISOR_NORTH)
            .get("/audit/events?action=BREAK_GLASS&size=100")
            .path("items");
    Map<String, Object> told =
        teamView.stream()
            .filter(e -> requestId.equals(e.get("requestId")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("north's supervisor does not see " + number));
    assertEquals("north", told.get("objectId"));
    assertTrue(String.valueOf(told.get("details")).contains(number), told.toString());
    assertFalse(told.toString().contains("unconscious"));
  }

  @Test
  void breakGlassNeedsAPurposeAndAWrittenReasonAndARealCaseOutOfScope() {
    String number = northCase();
    breakGlass(DemoStaff.CASEWORKER_SOUTH, number, body("MEDICAL_EMERGENCY", "urgent"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("explanation"));
    breakGlass(DemoStaff.CASEWORKER_SOUTH, number, body("CURIOSITY", WHY))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("purpose"));
    breakGlass(DemoStaff.CASEWORKER_SOUTH, "HVN-1999-999999", body("SAFETY_THREAT", WHY))
        .then()
        .statusCode(404);
    breakGlass(DemoStaff.CASEWORKER_NORTH, number, body("SAFETY_THREAT", WHY))
        .then()
        .statusCode(409)
        .body("detail", notNullValue());
    breakGlass(DemoStaff.ADMIN, number, body("SAFETY_THREAT", WHY)).then().statusCode(403);
  }

  /**
   * The number of break-glass openings the test server allows a day
   * (HAVEN_BREAK_GLASS_DAILY_LIMIT).
   */
  static final int DAILY_LIMIT = 25;

  @Test
  void eachOpeningTellsTheTeamsSupervisorsAtOnce() {
    String number = northCase();
    breakGlass(DemoStaff.CASEWORKER_SOUTH, number, body("SAFETY_THREAT", WHY))
        .then()
        .statusCode(200);
    List<Map<String, Object>> notices = Api.unreadNotifications(DemoStaff.SUPERVISOR_NORTH);
    Map<String, Object> notice =
        notices.stream()
            .filter(n -> "BREAK_GLASS".equals(n.get("kind")) && number.equals(n.get("caseNumber")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no BREAK_GLASS notice: " + notices));
    assertTrue(String.valueOf(notice.get("about")).contains("caseworker.south"), notice.toString());
    assertTrue(String.valueOf(notice.get("text")).contains(number), notice.toString());
    assertFalse(notice.toString().contains("Rose"), "a notice carries no survivor data");
    // Not the other team's supervisors.
    List<Map<String, Object>> south = Api.unreadNotifications(DemoStaff.SUPERVISOR_SOUTH);
    assertFalse(south.stream().anyMatch(n -> number.equals(n.get("caseNumber"))));
  }

  @Test
  void openingsAreLimitedPerPersonAndDayAndTheRefusalIsAudited() {
    DemoStaff who = DemoStaff.CASEWORKER2_NORTH;
    String southCase = CaseFixture.newCase(DemoStaff.CASEWORKER_SOUTH);
    List<Map<String, Object>> before =
        Api.api(DemoStaff.ADMIN)
            .get("/audit/events?action=BREAK_GLASS&user=" + who.username + "&size=100")
            .path("items");
    long opened =
        before.stream()
            .filter(e -> who.username.equals(e.get("actorUsername")))
            .filter(e -> "case".equals(e.get("objectType")))
            .filter(e -> "SUCCESS".equals(e.get("outcome")))
            .count();
    // Up to the limit, each opening of a new case is granted.
    while (opened < DAILY_LIMIT) {
      breakGlass(who, CaseFixture.newCase(DemoStaff.CASEWORKER_SOUTH), body("OTHER", WHY))
          .then()
          .statusCode(200);
      opened++;
    }
    Response refused = breakGlass(who, southCase, body("OTHER", WHY));
    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body(
            "detail",
            org.hamcrest.Matchers.containsString("HAVEN_BREAK_GLASS_DAILY_LIMIT = " + DAILY_LIMIT));
    // Refused before the case is looked up: a number that does not exist gets the same answer.
    breakGlass(who, "HVN-1999-999999", body("OTHER", WHY)).then().statusCode(429);
    Api.api(who).get("/cases/" + southCase).then().statusCode(404);
    String requestId = refused.header("X-Request-Id");
    List<Map<String, Object>> events =
        Api.api(DemoStaff.ADMIN).get("/audit/events?action=BREAK_GLASS&size=100").path("items");
    Map<String, Object> event =
        events.stream().filter(e -> requestId.equals(e.get("requestId"))).findFirst().orElseThrow();
    assertEquals("DENIED", event.get("outcome"));
    assertEquals(southCase, event.get("objectId"));
  }

  @Test
  void theReviewListIsPagedAndComplete() {
    breakGlass(DemoStaff.CASEWORKER_SOUTH, northCase(), body("CONTINUITY_OF_CARE", WHY))
        .then()
        .statusCode(200);
    Map<String, Object> first =
        Api.api(DemoStaff.SUPERVISOR_NORTH)
            .get("/break-glass?page=0&size=1")
            .then()
            .statusCode(200)
            .extract()
            .path("");
    long total = ((Number) first.get("totalItems")).longValue();
    assertTrue(total >= 1, first.toString());
    assertEquals(total, ((Number) first.get("totalPages")).longValue());
    Api.api(DemoStaff.SUPERVISOR_NORTH)
        .get("/break-glass?page=" + (total - 1) + "&size=1")
        .then()
        .statusCode(200)
        .body("items.size()", org.hamcrest.Matchers.equalTo(1));
    Api.api(DemoStaff.SUPERVISOR_NORTH).get("/break-glass?size=101").then().statusCode(400);
    // Every paged list shares one definition of paging: a page beyond any list is a 400 problem
    // naming the field, not an overflow.
    for (String list : List.of("/break-glass", "/cases", "/audit/events")) {
      DemoStaff who = list.startsWith("/audit") ? DemoStaff.ADMIN : DemoStaff.SUPERVISOR_NORTH;
      Api.api(who)
          .get(list + "?page=" + Integer.MAX_VALUE)
          .then()
          .statusCode(400)
          .body("errors[0].field", org.hamcrest.Matchers.equalTo("page"));
    }
  }
}
