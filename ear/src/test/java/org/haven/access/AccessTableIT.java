package org.haven.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.it.Keycloak;
import org.haven.it.RestEndpoints;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what: every REST endpoint against every kind of caller, as one table that reads like
 * the one in docs/security/roles.md. {@code {case}} is a case of team north, assigned to
 * caseworker.north and registered fresh for each cell; {@code {user}} is caseworker2.north, and the
 * administrator's calls on it change nothing (roles it has, a team it is in), so the table leaves
 * no trace.
 */
@ExtendWith(ArquillianExtension.class)
class AccessTableIT {

  /**
   * The callers: the case's own caseworker, their supervisor, an administrator, nobody, and the
   * most powerful user of another team.
   */
  enum Actor {
    CASEWORKER(DemoStaff.CASEWORKER_NORTH),
    SUPERVISOR(DemoStaff.SUPERVISOR_NORTH),
    ADMIN(DemoStaff.ADMIN),
    ANONYMOUS(null),
    OTHER_TEAM(DemoStaff.SUPERVISOR_SOUTH);

    final DemoStaff user;

    Actor(DemoStaff user) {
      this.user = user;
    }
  }

  /** One row: an endpoint, a body, and the status each actor gets, in {@link Actor} order. */
  record Operation(String method, String path, String body, int... statuses) {
    String key() {
      return method
          + " "
          + path.replace("{case}", "{caseNumber}")
              .replace("{user}", "{username}")
              .replaceAll("/roles/[a-z]+$", "/roles/{role}")
              .replaceAll("/consents/\\d+", "/consents/{consentId}")
              .replaceAll("/goals/\\d+", "/goals/{goalId}")
              .replaceAll("/actions/\\d+", "/actions/{actionId}")
              .replaceAll("/tasks/\\d+", "/tasks/{taskId}")
              .replaceAll("/admin/services/[A-Z_]+$", "/admin/services/{code}")
              .replaceAll("providers/\\d+", "providers/{id}")
              .replaceAll("/services/\\d+", "/services/{serviceId}")
              .replaceAll("/referrals/\\d+", "/referrals/{referralId}")
              .replaceAll("/documents/\\d+", "/documents/{documentId}")
              .replaceAll("/notifications/\\d+", "/notifications/{id}")
              .replaceAll("\\?.*$", "");
    }
  }

  static final List<Operation> TABLE =
      List.of(
          //                                                          cw   sup  admin anon other
          new Operation("GET", "/cases", null, 200, 200, 403, 401, 200),
          new Operation(
              "POST", "/cases/search", "{\"name\":\"Nobody Atall\"}", 200, 200, 403, 401, 200),
          new Operation("POST", "/cases", "{\"riskLevel\":\"LOW\"}", 201, 201, 403, 401, 201),
          new Operation("GET", "/cases/{case}", null, 200, 200, 403, 401, 404),
          new Operation(
              "PUT",
              "/cases/{case}/assignee",
              "{\"caseworker\":\"caseworker.north\"}",
              403,
              200,
              403,
              401,
              404),
          new Operation(
              "POST",
              "/cases/{case}/erasure-request",
              "{\"reason\":\"SURVIVOR_REQUEST\"}",
              200,
              200,
              403,
              401,
              404),
          // A fresh case has no request to withdraw: 409 shows the caller got past access.
          new Operation("DELETE", "/cases/{case}/erasure-request", null, 409, 409, 403, 401, 404),
          new Operation(
              "POST",
              "/cases/{case}/erasure",
              "{\"reason\":\"RECORDED_IN_ERROR\"}",
              403,
              200,
              403,
              401,
              404),
          new Operation("GET", "/admin/keys", null, 403, 403, 200, 401, 403),
          new Operation("POST", "/admin/keys/rotation", null, 403, 403, 202, 401, 403),
          new Operation("DELETE", "/admin/keys/retired", null, 403, 403, 200, 401, 403),
          new Operation("POST", "/admin/keys/rekey", null, 403, 403, 202, 401, 403),
          // Break-glass is for cases outside one's scope: inside it, 409 says "no need".
          new Operation(
              "POST",
              "/cases/{case}/break-glass",
              "{\"purpose\":\"MEDICAL_EMERGENCY\",\"explanation\":\"Admitted to hospital unconscious, medical history needed.\"}",
              409,
              409,
              403,
              401,
              200),
          new Operation("GET", "/break-glass", null, 403, 200, 403, 401, 200),
          new Operation(
              "POST",
              "/cases/{case}/transitions",
              "{\"to\":\"ASSESSMENT\"}",
              200,
              200,
              403,
              401,
              404),
          // A fresh case has nothing waiting for approval: 409 shows the supervisor got past
          // access.
          new Operation(
              "POST", "/cases/{case}/return", "{\"reason\":\"why\"}", 403, 409, 403, 401, 404),
          new Operation("GET", "/cases/{case}/history", null, 200, 200, 403, 401, 404),
          new Operation(
              "POST",
              "/cases/{case}/notes",
              "{\"text\":\"Called back.\"}",
              201,
              201,
              403,
              401,
              404),
          new Operation("GET", "/cases/{case}/notes", null, 200, 200, 403, 401, 404),
          new Operation(
              "PUT",
              "/cases/{case}/exploitation",
              "{\"types\":[\"FORCED_LABOUR\"]}",
              200,
              200,
              403,
              401,
              404),
          new Operation(
              "PUT",
              "/cases/{case}/survivor",
              "{\"givenNames\":\"Rose\",\"familyName\":\"Corrected\"}",
              200,
              200,
              403,
              401,
              404),
          new Operation(
              "PUT", "/cases/{case}/risk", "{\"riskLevel\":\"HIGH\"}", 200, 200, 403, 401, 404),
          new Operation("GET", "/cases/{case}/consents", null, 200, 200, 403, 401, 404),
          new Operation(
              "POST",
              "/cases/{case}/consents",
              "{\"type\":\"STATISTICS\",\"howObtained\":\"VERBAL\",\"givenOn\":\"2026-01-05\"}",
              201,
              201,
              403,
              401,
              404),
          // Parts that do not exist on the case: 404 once past access, as for the case itself.
          new Operation(
              "POST", "/cases/{case}/consents/0/withdrawal", "{}", 404, 404, 403, 401, 404),
          new Operation("GET", "/cases/{case}/plan", null, 200, 200, 403, 401, 404),
          new Operation(
              "PUT",
              "/cases/{case}/plan/assessment",
              "{\"text\":\"Needs a safe place.\"}",
              200,
              200,
              403,
              401,
              404),
          new Operation(
              "POST",
              "/cases/{case}/plan/goals",
              "{\"text\":\"Safe housing.\"}",
              201,
              201,
              403,
              401,
              404),
          new Operation(
              "PUT",
              "/cases/{case}/plan/goals/0",
              "{\"status\":\"ACHIEVED\"}",
              404,
              404,
              403,
              401,
              404),
          new Operation(
              "POST",
              "/cases/{case}/plan/goals/0/actions",
              "{\"text\":\"Visit.\"}",
              404,
              404,
              403,
              401,
              404),
          new Operation(
              "PUT", "/cases/{case}/plan/actions/0", "{\"done\":true}", 404, 404, 403, 401, 404),
          new Operation("GET", "/cases/{case}/tasks", null, 200, 200, 403, 401, 404),
          new Operation(
              "POST",
              "/cases/{case}/tasks",
              "{\"title\":\"Call back.\",\"dueOn\":\"2030-01-01\"}",
              201,
              201,
              403,
              401,
              404),
          new Operation(
              "PUT", "/cases/{case}/tasks/0", "{\"status\":\"DONE\"}", 404, 404, 403, 401, 404),
          new Operation("GET", "/dashboard", null, 200, 200, 200, 401, 200),
          new Operation("GET", "/services", null, 200, 200, 200, 401, 200),
          new Operation("GET", "/cases/{case}/referrals", null, 200, 200, 403, 401, 404),
          // No such provider: 400 once past access.
          new Operation(
              "POST",
              "/cases/{case}/referrals",
              "{\"serviceType\":\"LEGAL_AID\",\"providerId\":0,\"reason\":\"Advice.\"}",
              400,
              400,
              403,
              401,
              404),
          new Operation(
              "POST",
              "/cases/{case}/referrals/0/transitions",
              "{\"to\":\"CANCELLED\",\"reason\":\"x\"}",
              404,
              404,
              403,
              401,
              404),
          new Operation("GET", "/referrals/awaiting-approval", null, 403, 200, 403, 401, 200),
          new Operation(
              "GET", "/cases/{case}/referrals/0/summary.pdf", null, 404, 404, 403, 401, 404),
          new Operation("GET", "/notifications", null, 200, 200, 403, 401, 200),
          new Operation("GET", "/notifications/unread-count", null, 200, 200, 403, 401, 200),
          new Operation("POST", "/notifications/0/read", null, 404, 404, 403, 401, 404),
          new Operation("POST", "/notifications/read-all", null, 200, 200, 403, 401, 200),
          new Operation("GET", "/cases/{case}/services", null, 200, 200, 403, 401, 404),
          new Operation(
              "POST",
              "/cases/{case}/services",
              "{\"serviceType\":\"MEDICAL\",\"plannedOn\":\"2030-01-01\"}",
              201,
              201,
              403,
              401,
              404),
          new Operation(
              "PUT",
              "/cases/{case}/services/0",
              "{\"status\":\"CANCELLED\"}",
              404,
              404,
              403,
              401,
              404),
          new Operation(
              "PUT",
              "/admin/services/IT_ACCESS_TABLE",
              "{\"name\":\"Access table\",\"active\":false}",
              403,
              403,
              200,
              401,
              403),
          new Operation("GET", "/providers", null, 200, 200, 200, 401, 200),
          new Operation("GET", "/providers/0", null, 404, 404, 404, 401, 404),
          // An incomplete provider: 400 shows the administrator got past access.
          new Operation(
              "POST", "/admin/providers", "{\"name\":\"Incomplete\"}", 403, 403, 400, 401, 403),
          new Operation(
              "PUT",
              "/admin/providers/0",
              "{\"name\":\"Nobody\",\"serviceTypes\":[\"SHELTER\"],\"responseTimeHours\":5}",
              403,
              403,
              404,
              401,
              403),
          // A CSV body (see cell()): a file without the header line is a 400 once past access.
          new Operation("POST", "/admin/providers/import", "name\n", 403, 403, 400, 401, 403),
          new Operation("GET", "/tasks", null, 200, 200, 403, 401, 200),
          new Operation("GET", "/approvals", null, 403, 200, 403, 401, 200),
          new Operation("GET", "/audit/verify", null, 403, 403, 200, 401, 403),
          new Operation("GET", "/reports/cases?groupBy=sex", null, 403, 200, 200, 401, 200),
          new Operation("POST", "/cases/{case}/documents", null, 201, 201, 403, 401, 404),
          new Operation("GET", "/cases/{case}/documents", null, 200, 200, 403, 401, 404),
          new Operation("GET", "/cases/{case}/documents/0/content", null, 404, 404, 403, 401, 404),
          new Operation(
              "DELETE",
              "/cases/{case}/documents/0",
              "{\"reason\":\"Wrong case.\"}",
              403,
              404,
              403,
              401,
              404),
          new Operation("GET", "/reports/indicators", null, 403, 200, 200, 401, 200),
          new Operation("GET", "/exports/ctdc/report", null, 403, 403, 200, 401, 403),
          new Operation("GET", "/exports/ctdc.csv", null, 403, 403, 200, 401, 403),
          new Operation("GET", "/audit/events", null, 200, 200, 200, 401, 200),
          new Operation("GET", "/audit/events.csv", null, 200, 200, 200, 401, 200),
          new Operation("GET", "/admin/users", null, 403, 403, 200, 401, 403),
          new Operation("GET", "/admin/users/{user}", null, 403, 403, 200, 401, 403),
          new Operation(
              "PUT", "/admin/users/{user}/roles/caseworker", null, 403, 403, 200, 401, 403),
          new Operation("DELETE", "/admin/users/{user}/roles/admin", null, 403, 403, 200, 401, 403),
          new Operation(
              "PUT", "/admin/users/{user}/team", "{\"team\":\"north\"}", 403, 403, 200, 401, 403),
          new Operation(
              "PUT", "/admin/users/{user}/enabled", "{\"enabled\":true}", 403, 403, 200, 401, 403));

  /**
   * Another test's rotation or re-key may still run; starting one then is a 409, not an access
   * matter.
   */
  static void awaitNoRotation() {
    Awaitility.await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              var status =
                  given()
                      .baseUri(HavenDeployment.api().toString())
                      .auth()
                      .oauth2(token(DemoStaff.ADMIN))
                      .get("/admin/keys");
              return !"RUNNING".equals(status.path("rotation.state"))
                  && !"RUNNING".equals(status.path("rekey.state"));
            });
  }

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static Stream<Arguments> cells() {
    return TABLE.stream()
        .flatMap(
            op ->
                Stream.of(Actor.values())
                    .map(
                        actor ->
                            Arguments.of(
                                op.method() + " " + op.path(),
                                actor,
                                op,
                                op.statuses()[actor.ordinal()])));
  }

  @ParameterizedTest(name = "{0} as {1} → {3}")
  @MethodSource("cells")
  void everyCallerGetsWhatTheTableSays(String name, Actor actor, Operation op, int expected) {
    String path =
        op.path()
            .replace("{case}", op.path().contains("{case}") ? freshNorthCase() : "")
            .replace("{user}", DemoStaff.CASEWORKER2_NORTH.username);
    RequestSpecification request =
        given()
            .baseUri(HavenDeployment.api().toString())
            .accept(op.path().endsWith(".csv") ? "text/csv" : "application/json")
            .redirects()
            .follow(false);
    if (actor.user != null) {
      request.auth().oauth2(token(actor.user));
    }
    if (op.path().endsWith("/documents") && op.method().equals("POST")) {
      request.multiPart("file", "note.txt", "A short statement.".getBytes(), "text/plain");
    } else if (op.body() != null) {
      request
          .contentType(op.path().endsWith("/import") ? "text/csv" : "application/json")
          .body(op.body());
    }
    if ((op.path().endsWith("/rotation")
            || op.path().endsWith("/retired")
            || op.path().endsWith("/rekey"))
        && expected < 400) {
      awaitNoRotation();
    }
    Response response = request.request(op.method(), path);
    assertEquals(expected, response.statusCode(), response.asString());
    if (expected >= 400) {
      assertEquals("application/problem+json", response.contentType().split(";")[0]);
    }
  }

  /** Every REST method of Haven has a row: a new endpoint without one fails the build. */
  @Test
  void theTableCoversEveryRestMethod() throws Exception {
    Set<String> inTable =
        TABLE.stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
    Set<String> endpoints = new TreeSet<>(RestEndpoints.methods());
    assertTrue(endpoints.size() >= 9, "too few endpoints found: " + endpoints);
    Set<String> missing = new TreeSet<>(endpoints);
    missing.removeAll(inTable);
    assertTrue(missing.isEmpty(), "REST methods without a row in the access table: " + missing);
    Set<String> stale = new TreeSet<>(inTable);
    stale.removeAll(endpoints);
    assertTrue(stale.isEmpty(), "rows for REST methods that do not exist: " + stale);
  }

  private static String token(DemoStaff user) {
    return Keycloak.cachedToken(user);
  }

  private static String freshNorthCase() {
    return given()
        .baseUri(HavenDeployment.api().toString())
        .auth()
        .oauth2(token(DemoStaff.CASEWORKER_NORTH))
        .contentType(ContentType.JSON)
        .body("{\"riskLevel\":\"MEDIUM\"}")
        .post("/cases")
        .then()
        .statusCode(201)
        .extract()
        .path("caseNumber");
  }
}
