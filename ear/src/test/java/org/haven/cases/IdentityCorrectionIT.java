package org.haven.cases;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.haven.it.Api;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code PUT /cases/{caseNumber}/survivor}: correcting what was recorded of a survivor. */
@ExtendWith(ArquillianExtension.class)
class IdentityCorrectionIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static String survivor(String given, String family, String birthDate, Long version) {
    return "{\"givenNames\":\""
        + given
        + "\",\"familyName\":\""
        + family
        + "\",\"birthDate\":\""
        + birthDate
        + "\",\"sex\":\"FEMALE\",\"nationality\":\"NG\",\"phones\":[\"+44 7700 900123\"]"
        + (version == null ? "" : ",\"version\":" + version)
        + "}";
  }

  static String register(String given, String family, String birthDate) {
    return Api.api(DemoStaff.CASEWORKER_NORTH)
        .body(
            "{\"riskLevel\":\"MEDIUM\",\"survivor\":"
                + survivor(given, family, birthDate, null)
                + "}")
        .post("/cases")
        .then()
        .statusCode(201)
        .extract()
        .path("caseNumber");
  }

  static Response correct(DemoStaff user, String number, String body) {
    return Api.api(user).body(body).put("/cases/" + number + "/survivor");
  }

  static List<String> foundByName(String name) {
    return Api.api(DemoStaff.CASEWORKER_NORTH)
        .body("{\"name\":\"" + name + "\"}")
        .post("/cases/search")
        .then()
        .statusCode(200)
        .extract()
        .path("items.caseNumber");
  }

  @Test
  void aCorrectedIdentityIsFoundByItsNewNameOnlyAndNamedByFieldInHistoryAndTrail() {
    String family = "Misspelt" + System.nanoTime();
    String fixed = "Corrected" + System.nanoTime();
    String number = register("Amina", family, "1999-04-01");
    assertTrue(foundByName("Amina " + family).contains(number));

    Response corrected =
        correct(DemoStaff.CASEWORKER_NORTH, number, survivor("Amina", fixed, "1999-04-12", 0L));
    corrected
        .then()
        .statusCode(200)
        .body("caseNumber", equalTo(number))
        .body("survivor.familyName", equalTo(fixed))
        .body("survivor.birthDate", equalTo("1999-04-12"))
        .body("survivor.ageBand", notNullValue())
        .body("survivor.phones", hasItem("+44 7700 900123"))
        .body("identityCorrectedAt", notNullValue())
        .body("possibleDuplicates", hasSize(0))
        .body("version", equalTo(1));

    assertTrue(foundByName("Amina " + fixed).contains(number));
    assertFalse(foundByName("Amina " + family).contains(number), "the old name finds nothing");

    List<Map<String, Object>> history =
        Api.api(DemoStaff.CASEWORKER_NORTH).get("/cases/" + number + "/history").path("");
    Map<String, Object> step =
        history.stream().filter(h -> "CORRECTED".equals(h.get("kind"))).findFirst().orElseThrow();
    assertEquals("survivor.familyName, survivor.birthDate", step.get("reason"));
    assertEquals("caseworker.north", step.get("byUsername"));

    List<Map<String, Object>> events =
        Api.api(DemoStaff.ADMIN)
            .get("/audit/events?action=IDENTITY_CORRECTED&caseNumber=" + number)
            .path("items");
    assertEquals(1, events.size(), events.toString());
    String details = String.valueOf(events.get(0).get("details"));
    assertTrue(details.contains("survivor.familyName,survivor.birthDate"), details);
    assertFalse(events.toString().contains(fixed), "the trail names fields, never values");
    assertFalse(events.toString().contains("1999-04"), "the trail names fields, never values");
  }

  @Test
  void aStaleVersionIs409AndIfMatchIsTakenAsTheVersion() {
    String number = register("Lena", "Stale" + System.nanoTime(), "1990-01-01");
    correct(DemoStaff.CASEWORKER_NORTH, number, survivor("Lena", "Once", "1990-01-01", 0L))
        .then()
        .statusCode(200);
    correct(DemoStaff.CASEWORKER_NORTH, number, survivor("Lena", "Twice", "1990-01-01", 0L))
        .then()
        .statusCode(409);
    Api.api(DemoStaff.SUPERVISOR_NORTH)
        .header("If-Match", "\"1\"")
        .body(survivor("Lena", "Twice", "1990-01-01", null))
        .put("/cases/" + number + "/survivor")
        .then()
        .statusCode(200)
        .body("survivor.familyName", equalTo("Twice"))
        .body("version", equalTo(2));
  }

  @Test
  void aCorrectionThatMatchesAnotherCaseListsItAsAPossibleDuplicate() {
    String family = "Twin" + System.nanoTime();
    String first = register("Hana", family, "1988-08-08");
    String second = register("Hanna", family, "1988-08-08");
    correct(DemoStaff.CASEWORKER_NORTH, second, survivor("Hana", family, "1988-08-08", 0L))
        .then()
        .statusCode(200)
        .body("possibleDuplicates.caseNumber", hasItem(first))
        .body("possibleDuplicates.caseNumber", org.hamcrest.Matchers.not(hasItem(second)));
  }

  @Test
  void outsideTheCaseOrByBreakGlassNothingChangesAndTheAnswerLeaksNothing() {
    String family = "Guarded" + System.nanoTime();
    String number = register("Noor", family, "1995-05-05");
    String body = survivor("Noor", "Changed", "1995-05-05", 0L);
    correct(DemoStaff.CASEWORKER_SOUTH, number, body).then().statusCode(404);
    correct(DemoStaff.CASEWORKER2_NORTH, number, body).then().statusCode(404);
    correct(DemoStaff.ADMIN, number, body).then().statusCode(403);
    Api.api(DemoStaff.CASEWORKER_SOUTH)
        .body(BreakGlassIT.body("SAFETY_THREAT", BreakGlassIT.WHY))
        .post("/cases/" + number + "/break-glass")
        .then()
        .statusCode(200);
    correct(DemoStaff.CASEWORKER_SOUTH, number, body).then().statusCode(404);
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .get("/cases/" + number)
        .then()
        .statusCode(200)
        .body("survivor.familyName", equalTo(family))
        .body("identityCorrectedAt", nullValue())
        .body("version", equalTo(0));
  }

  @Test
  void badDetailsAre400NamingTheFieldAndChangeNothing() {
    String number = register("Sara", "Valid" + System.nanoTime(), "1992-02-02");
    correct(DemoStaff.CASEWORKER_NORTH, number, survivor("Sara", "Later", "2001-02-30", 0L))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("birthDate"));
    correct(DemoStaff.CASEWORKER_NORTH, number, survivor("Sara\\u0007", "Later", "1992-02-02", 0L))
        .then()
        .statusCode(400);
    correct(DemoStaff.CASEWORKER_NORTH, number, "{\"sex\":\"F\",\"version\":0}")
        .then()
        .statusCode(400);
    correct(DemoStaff.CASEWORKER_NORTH, number, "[]").then().statusCode(400);
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .get("/cases/" + number)
        .then()
        .statusCode(200)
        .body("version", equalTo(0));
  }
}
