package org.haven.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Input an attacker or a broken client sends: control characters are a 400 that names the
 * parameter, forged forwarding headers do not move the audit trail's client address, and no
 * expected refusal writes an ERROR line or a stack trace to the server log, which must stay
 * readable for the real incidents.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static void assertBadRequest(Response answer, String naming) {
    answer
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("detail", containsString(naming))
        .body("detail", not(containsString("\u0000")));
  }

  @Test
  void aControlCharacterInAQueryOrPathIs400() {
    // Both were 500s on PostgreSQL, which refuses a NUL byte in a text parameter.
    assertBadRequest(
        Api.api(DemoStaff.CASEWORKER_NORTH).urlEncodingEnabled(false).get("/cases?assignee=a%00b"),
        "'assignee'");
    assertBadRequest(
        Api.api(DemoStaff.ADMIN).urlEncodingEnabled(false).get("/providers?area=north%00"),
        "'area'");
    assertBadRequest(
        Api.api(DemoStaff.CASEWORKER_NORTH).urlEncodingEnabled(false).get("/cases?name=x%0Ay"),
        "'name'");
    assertBadRequest(
        Api.api(DemoStaff.CASEWORKER_NORTH).urlEncodingEnabled(false).get("/cases/HVN-2026%00"),
        "path");
    // Refused before anything else, a token or not: the 400 says nothing about the data.
    assertBadRequest(
        Api.anonymous().urlEncodingEnabled(false).get("/cases?assignee=%00"), "'assignee'");
  }

  /**
   * A control character in any string of any body, also where no field rule looks (a provider's
   * name, kept in plain text): a 400 naming the field. It was a 500 on PostgreSQL.
   */
  @Test
  void aControlCharacterInABodyIs400() {
    Api.api(DemoStaff.ADMIN)
        .body(
            "{\"name\":\"Clinic\\u0000\",\"serviceTypes\":[\"MEDICAL\"],\"responseTimeHours\":24}")
        .post("/admin/providers")
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("name"))
        .body("errors[0].detail", containsString("control characters"));
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .body("{\"assignee\":\"a\\u001Bb\"}")
        .post("/cases/search")
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("assignee"));
    // Tabs and line breaks are text (a note, an address).
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .body("{\"name\":\"two\\nlines\"}")
        .post("/cases/search")
        .then()
        .statusCode(200);
  }

  @Test
  void theClientAddressComesFromATrustedProxyOnly() {
    // The test server trusts 127.0.0.1 (HAVEN_TRUSTED_PROXIES): the hop before it is the client.
    String n = CaseFixture.newCase();
    Response read =
        Api.api(DemoStaff.CASEWORKER_NORTH)
            .header("X-Forwarded-For", "192.0.2.1, 198.51.100.23")
            .get("/cases/" + n);
    read.then().statusCode(200);
    assertEquals("198.51.100.23", eventOf(read).get("clientAddress"));
    // A value that is no address is not believed: the connection's own address is kept.
    Response forged =
        Api.api(DemoStaff.CASEWORKER_NORTH)
            .header("X-Forwarded-For", "caseworker.south's laptop")
            .get("/cases/" + n);
    forged.then().statusCode(200);
    String kept = (String) eventOf(forged).get("clientAddress");
    assertTrue(kept.equals("127.0.0.1") || kept.contains(":"), kept);
  }

  static Map<String, Object> eventOf(Response response) {
    return Api.auditEventsOf(response).stream()
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no event of request " + response.header("X-Request-Id")));
  }

  @Test
  void expectedRefusalsWriteNoErrorAndNoStackTrace() throws IOException {
    Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
    long before = Files.size(log);
    String n = CaseFixture.newCase();
    // 401: no token, a broken token.
    Api.anonymous().get("/cases").then().statusCode(401);
    Api.withToken("not-a-token").get("/cases").then().statusCode(401);
    // 403: a caseworker at the administration, an administrator at a case.
    Api.api(DemoStaff.CASEWORKER_NORTH).get("/admin/users").then().statusCode(403);
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .put("/admin/users/caseworker.north/roles/admin")
        .then()
        .statusCode(403);
    // 404: another team's case, an unknown one.
    Api.api(DemoStaff.CASEWORKER_SOUTH).get("/cases/" + n).then().statusCode(404);
    Api.api(DemoStaff.CASEWORKER_NORTH).get("/cases/HVN-1999-999999").then().statusCode(404);
    // 409: a move the lifecycle does not allow.
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .body("{\"to\":\"CLOSED\",\"reason\":\"not yet\"}")
        .post("/cases/" + n + "/transitions")
        .then()
        .statusCode(409);
    // 409: an edit made on a stale copy (an exception in the EJB, which WildFly logs at ERROR
    // with its stack unless told not to).
    int read = Api.api(DemoStaff.CASEWORKER_NORTH).get("/cases/" + n).path("version");
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .body("{\"riskLevel\":\"HIGH\",\"version\":" + read + "}")
        .put("/cases/" + n + "/risk")
        .then()
        .statusCode(200);
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .body("{\"riskLevel\":\"LOW\",\"version\":" + read + "}")
        .put("/cases/" + n + "/risk")
        .then()
        .statusCode(409);
    // 400: a body that is no JSON, a field that fails validation, a control character.
    Api.api(DemoStaff.CASEWORKER_NORTH).body("{not json").post("/cases").then().statusCode(400);
    Api.api(DemoStaff.CASEWORKER_NORTH).body("{}").post("/cases").then().statusCode(400);
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .urlEncodingEnabled(false)
        .get("/cases?assignee=%00")
        .then()
        .statusCode(400);
    String written = readFrom(log, before);
    List<String> loud =
        written
            .lines()
            .filter(
                l -> l.contains(" ERROR ") || l.startsWith("\tat ") || l.contains("Exception: "))
            .limit(20)
            .toList();
    assertTrue(loud.isEmpty(), "the refusals wrote to the log:\n" + String.join("\n", loud));
  }

  private static String readFrom(Path log, long offset) throws IOException {
    byte[] all = Files.readAllBytes(log);
    int from = (int) Math.min(offset, all.length); // a rotated log starts again at 0
    if (all.length < offset) {
      from = 0;
    }
    return new String(all, from, all.length - from, StandardCharsets.UTF_8);
  }
}
