package org.haven.cases;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.haven.it.Api;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Survivors' identifying data over REST: the documented body shape in and out, exact-match search
 * through blind indexes, the duplicate warning at intake (naming only what the caller may see),
 * erasure with a supervisor's approval, and errors that never echo a protected value.
 */
@ExtendWith(ArquillianExtension.class)
class ProtectedCaseDataIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  /** A unique person per test, so searches see only what the test made. */
  static String unique() {
    StringBuilder letters = new StringBuilder();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 8; i++) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    return letters.toString();
  }

  static String intake(String given, String family, String birthDate, String document) {
    return """
        {"riskLevel":"HIGH","narrative":"Met at the bus station; afraid of the recruiter.",
         "survivor":{"givenNames":"%s","familyName":"%s","aliases":["Mimi %s"],
           "birthDate":"%s","sex":"FEMALE","nationality":"NG","languages":["en","ha"],
           "phones":["+234 (803) 555-0101"],"email":"amina@example.org",
           "address":"12 Example Street\\nLagos",%s
           "placeOfOrigin":"Ibadan"}}
        """
        .formatted(
            given,
            family,
            family,
            birthDate,
            document == null
                ? ""
                : "\"document\":{\"type\":\"PASSPORT\",\"number\":\"" + document + "\"},");
  }

  static Response register(DemoStaff user, String json) {
    return Api.api(user).body(json).post("/cases");
  }

  static List<String> found(DemoStaff user, String query) {
    return Api.api(user)
        .get("/cases?" + query)
        .then()
        .statusCode(200)
        .extract()
        .path("items.caseNumber");
  }

  @Test
  void theDocumentedShapeGoesInAndComesBack() {
    String family = "Bello" + unique();
    String passport = "A" + unique().toUpperCase();
    Response created =
        register(DemoStaff.CASEWORKER_NORTH, intake("Amina", family, "1990-04-01", passport));
    created
        .then()
        .statusCode(201)
        .body("narrative", equalTo("Met at the bus station; afraid of the recruiter."))
        .body("survivor.givenNames", equalTo("Amina"))
        .body("survivor.familyName", equalTo(family))
        .body("survivor.aliases", contains("Mimi " + family))
        .body("survivor.birthDate", equalTo("1990-04-01"))
        .body("survivor.ageBand", equalTo("30-38"))
        .body("survivor.sex", equalTo("FEMALE"))
        .body("survivor.nationality", equalTo("NG"))
        .body("survivor.languages", contains("en", "ha"))
        .body("survivor.phones", contains("+234 (803) 555-0101"))
        .body("survivor.email", equalTo("amina@example.org"))
        .body("survivor.address", equalTo("12 Example Street\nLagos"))
        .body("survivor.document.type", equalTo("PASSPORT"))
        .body("survivor.document.number", equalTo(passport))
        .body("survivor.placeOfOrigin", equalTo("Ibadan"))
        .body("possibleDuplicates", empty());
    String number = created.path("caseNumber");
    Api.api(DemoStaff.SUPERVISOR_NORTH)
        .get("/cases/" + number)
        .then()
        .statusCode(200)
        .body("survivor.familyName", equalTo(family))
        .body("survivor.document.number", equalTo(passport))
        .body("possibleDuplicates", nullValue());
  }

  @Test
  void searchFindsExactMatchesWhateverTheSpellingOfCaseAccentsAndOrder() {
    String family = "López-García" + unique();
    String folded = family.toLowerCase().replace("ó", "o").replace("í", "i").replace("-", " ");
    String document = "ZX" + unique().toUpperCase() + "99";
    String number =
        register(
                DemoStaff.CASEWORKER_NORTH,
                intake(
                    "Zoë",
                    family,
                    "1987-12-24",
                    document.substring(0, 4) + " " + document.substring(4)))
            .then()
            .statusCode(201)
            .extract()
            .path("caseNumber");
    DemoStaff me = DemoStaff.CASEWORKER_NORTH;

    assertEquals(List.of(number), found(me, "name=zoe " + folded));
    assertEquals(List.of(number), found(me, "name=" + folded.toUpperCase() + " ZOE"));
    assertEquals(List.of(number), found(me, "name=Mimi " + family));
    assertTrue(found(me, "birthDate=1987-12-24").contains(number));
    assertTrue(found(me, "phone=00234 803 555 0101").contains(number));
    assertEquals(List.of(number), found(me, "documentNumber=" + document.toLowerCase()));
    assertEquals(List.of(number), found(me, "name=Zoe " + folded + "&birthDate=1987-12-24"));
    assertEquals(List.of(), found(me, "name=Zoe " + folded + "&birthDate=1987-12-25"));
    assertEquals(List.of(), found(me, "name=Zoe"), "a part of a name is not a match");
    assertEquals(List.of(), found(me, "name=---"), "nothing searchable matches nothing");
    // Scope holds for searches as for everything else.
    assertEquals(List.of(), found(DemoStaff.CASEWORKER2_NORTH, "documentNumber=" + document));
    assertEquals(List.of(), found(DemoStaff.SUPERVISOR_SOUTH, "documentNumber=" + document));
    assertEquals(List.of(number), found(DemoStaff.SUPERVISOR_NORTH, "documentNumber=" + document));
  }

  /** The same search with the criteria in a body: no name or number in any URL or access log. */
  @Test
  void searchByPostAnswersLikeTheListAndKeepsCriteriaOutOfTheUrl() {
    String family = "Postsearch" + unique();
    String document = "PS" + unique().toUpperCase();
    String number =
        register(DemoStaff.CASEWORKER_NORTH, intake("Ada", family, "1991-03-04", document))
            .then()
            .statusCode(201)
            .extract()
            .path("caseNumber");
    Map<String, Object> byPost =
        Api.api(DemoStaff.CASEWORKER_NORTH)
            .body(
                "{\"name\":\"ada "
                    + family.toLowerCase()
                    + "\",\"birthDate\":\"1991-03-04\",\"size\":5}")
            .post("/cases/search")
            .then()
            .statusCode(200)
            .extract()
            .path("");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) byPost.get("items");
    assertEquals(List.of(number), items.stream().map(c -> c.get("caseNumber")).toList());
    assertEquals(5, byPost.get("size"));
    // A list carries what a list shows: the names and coded fields, not the narrative, address,
    // phones, birth date or document (the case itself has them: GET /cases/{caseNumber}).
    Map<String, Object> row = items.get(0);
    assertFalse(row.containsKey("narrative"), row.toString());
    @SuppressWarnings("unchecked")
    Map<String, Object> survivor = (Map<String, Object>) row.get("survivor");
    assertEquals("Ada", survivor.get("givenNames"));
    for (String hidden :
        List.of("phones", "address", "document", "birthDate", "email", "aliases")) {
      assertFalse(survivor.containsKey(hidden), hidden + " in a list: " + survivor);
    }
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .get("/cases/" + number)
        .then()
        .statusCode(200)
        .body("survivor.document.number", equalTo(document));
    // The same page, in the same shape, as GET /cases answers.
    Map<String, Object> byGet =
        Api.api(DemoStaff.CASEWORKER_NORTH)
            .queryParam("name", "ada " + family.toLowerCase())
            .queryParam("birthDate", "1991-03-04")
            .queryParam("size", 5)
            .get("/cases")
            .then()
            .statusCode(200)
            .extract()
            .path("");
    assertEquals(byGet.keySet(), byPost.keySet());
    assertEquals(byGet.get("totalItems"), byPost.get("totalItems"));
    assertEquals(
        List.of(number),
        Api.api(DemoStaff.CASEWORKER_NORTH)
            .body("{\"documentNumber\":\"" + document.toLowerCase() + "\"}")
            .post("/cases/search")
            .path("items.caseNumber"));
    // Scope holds.
    assertEquals(
        List.of(),
        Api.api(DemoStaff.SUPERVISOR_SOUTH)
            .body("{\"documentNumber\":\"" + document + "\"}")
            .post("/cases/search")
            .path("items.caseNumber"));
    // Bad criteria are 400s naming the field; an empty body lists like GET /cases.
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .body("{\"birthDate\":\"24.12.1987\"}")
        .post("/cases/search")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("birthDate"));
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .body("{\"assignee\":\"a\\u0000b\"}")
        .post("/cases/search")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("assignee"));
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .body("{\"size\":1000}")
        .post("/cases/search")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("size"));
    Api.api(DemoStaff.CASEWORKER_NORTH).body("{}").post("/cases/search").then().statusCode(200);
  }

  @Test
  void badSearchParametersAre400() {
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .get("/cases?birthDate=24.12.1987")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("birthDate"));
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .get("/cases?birthDate=1987-02-30")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("birthDate"));
  }

  @Test
  void intakeWarnsOfLikelyDuplicatesNamingOnlyWhatTheCallerMaySee() {
    String family = "Okafor" + unique();
    String original =
        register(DemoStaff.CASEWORKER_NORTH, intake("Joy", family, "2001-06-15", null))
            .then()
            .statusCode(201)
            .extract()
            .path("caseNumber");
    String again = intake("JOY", family.toUpperCase(), "2001-06-15", null);

    // The original's caseworker and the team's supervisor may open it: it is named.
    register(DemoStaff.SUPERVISOR_NORTH, again)
        .then()
        .statusCode(201)
        .body("possibleDuplicates.caseNumber", hasItem(original));
    // A colleague of the same team may not: told to ask their supervisor.
    register(DemoStaff.CASEWORKER2_NORTH, again)
        .then()
        .statusCode(201)
        .body(
            "possibleDuplicates.message",
            hasItem("a possible match exists in your team — ask your supervisor"));
    // Another team: no case number, no detail.
    Response south = register(DemoStaff.CASEWORKER_SOUTH, again);
    south
        .then()
        .statusCode(201)
        .body(
            "possibleDuplicates.message",
            contains("a possible match exists in another team — ask your supervisor"))
        .body("possibleDuplicates[0].caseNumber", nullValue());
    assertFalse(south.asString().contains(original));
    // Same document number is a likely duplicate too, whatever the name; a different person is not.
    String passport = "P" + unique().toUpperCase();
    String first =
        register(
                DemoStaff.CASEWORKER_NORTH,
                intake("Kofi", "Mensah" + unique(), "1980-02-02", passport))
            .then()
            .statusCode(201)
            .extract()
            .path("caseNumber");
    register(
            DemoStaff.SUPERVISOR_NORTH,
            intake("K.", "Unknown" + unique(), "1981-03-03", passport.toLowerCase()))
        .then()
        .statusCode(201)
        .body("possibleDuplicates.caseNumber", contains(first))
        .body(
            "possibleDuplicates[0].message",
            org.hamcrest.Matchers.containsString("same identity document number"));
    register(DemoStaff.CASEWORKER_NORTH, intake("Ann", "Other" + unique(), "1970-01-01", null))
        .then()
        .statusCode(201)
        .body("possibleDuplicates", empty());
  }

  @Test
  void erasureNeedsASupervisorAndLeavesATombstone() {
    String family = "Erase" + unique();
    String number =
        register(DemoStaff.CASEWORKER_NORTH, intake("Grace", family, "1995-05-05", "ER" + family))
            .then()
            .statusCode(201)
            .extract()
            .path("caseNumber");
    String path = "/cases/" + number;

    Api.api(DemoStaff.CASEWORKER_NORTH)
        .body("{\"reason\":\"SURVIVOR_REQUEST\"}")
        .post(path + "/erasure-request")
        .then()
        .statusCode(200)
        .body("erasure.state", equalTo("REQUESTED"))
        .body("erasure.reason", equalTo("SURVIVOR_REQUEST"))
        .body("erasure.requestedBy.username", equalTo("caseworker.north"))
        .body("survivor.familyName", equalTo(family));
    Api.api(DemoStaff.CASEWORKER_NORTH).body("{}").post(path + "/erasure").then().statusCode(403);
    Api.api(DemoStaff.SUPERVISOR_SOUTH).body("{}").post(path + "/erasure").then().statusCode(404);
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .body("{\"reason\":\"FORGOTTEN\"}")
        .post(path + "/erasure-request")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));

    Api.api(DemoStaff.SUPERVISOR_NORTH)
        .body("{}")
        .post(path + "/erasure")
        .then()
        .statusCode(200)
        .body("erasure.state", equalTo("ERASED"))
        .body("erasure.erasedBy.username", equalTo("supervisor.north"))
        .body("erasure.erasedAt", notNullValue())
        .body("narrative", nullValue())
        .body("survivor.givenNames", nullValue())
        .body("survivor.familyName", nullValue())
        .body("survivor.document", nullValue())
        .body("survivor.sex", equalTo("FEMALE"))
        .body("survivor.nationality", equalTo("NG"))
        .body("survivor.ageBand", notNullValue());

    Api.api(DemoStaff.CASEWORKER_NORTH)
        .get(path)
        .then()
        .statusCode(200)
        .body("caseNumber", equalTo(number))
        .body("survivor.familyName", nullValue());
    assertEquals(List.of(), found(DemoStaff.SUPERVISOR_NORTH, "documentNumber=ER" + family));
    assertEquals(List.of(), found(DemoStaff.SUPERVISOR_NORTH, "name=Grace " + family));
    Api.api(DemoStaff.SUPERVISOR_NORTH)
        .body("{\"reason\":\"SURVIVOR_REQUEST\"}")
        .post(path + "/erasure")
        .then()
        .statusCode(409);
  }

  @Test
  void aSupervisorErasesDirectlyWithAReasonOrNotAtAllWithout() {
    String number =
        register(
                DemoStaff.SUPERVISOR_NORTH,
                intake("Direct", "Erase" + unique(), "1999-09-09", null))
            .then()
            .statusCode(201)
            .extract()
            .path("caseNumber");
    Api.api(DemoStaff.SUPERVISOR_NORTH)
        .body("{}")
        .post("/cases/" + number + "/erasure")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    Api.api(DemoStaff.SUPERVISOR_NORTH)
        .body("{\"reason\":\"RECORDED_IN_ERROR\"}")
        .post("/cases/" + number + "/erasure")
        .then()
        .statusCode(200)
        .body("erasure.state", equalTo("ERASED"))
        .body("erasure.reason", equalTo("RECORDED_IN_ERROR"));
  }

  @Test
  void errorsAndLogsNeverRepeatAProtectedValue() throws Exception {
    String canary = "Qz8Rest" + unique();
    String bad =
        """
        {"riskLevel":"LOW","narrative":"%s narrative",
         "survivor":{"givenNames":"%s","email":"%s at nowhere","birthDate":"%s",
           "phones":["%s"],"document":{"type":"PASSPORT","number":"%s"}}}
        """
            .formatted(canary, canary, canary, canary, canary, canary);
    Response refused = register(DemoStaff.CASEWORKER_NORTH, bad);
    refused.then().statusCode(400).body("errors.field", hasItem("survivor.email"));
    assertFalse(refused.asString().contains(canary), refused.asString());
    // A control character is refused before anything else is looked at, naming the field only.
    Response control =
        register(
            DemoStaff.CASEWORKER_NORTH,
            "{\"riskLevel\":\"LOW\",\"survivor\":{\"givenNames\":\"" + canary + "\\u0007\"}}");
    control.then().statusCode(400).body("errors.field", hasItem("survivor.givenNames"));
    assertFalse(control.asString().contains(canary), control.asString());
    Response malformed =
        register(
            DemoStaff.CASEWORKER_NORTH,
            "{\"riskLevel\":\"LOW\",\"survivor\":{\"aliases\":\"" + canary + "\"}}");
    malformed.then().statusCode(400);
    assertFalse(malformed.asString().contains(canary), malformed.asString());
    Response search = Api.api(DemoStaff.CASEWORKER_NORTH).get("/cases?birthDate=" + canary);
    search.then().statusCode(400);
    assertFalse(search.asString().contains(canary));
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .get("/cases?name=" + canary)
        .then()
        .statusCode(200)
        .body("items", empty());

    Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
    assertFalse(Files.readString(log, StandardCharsets.UTF_8).contains(canary), "in " + log);
  }
}
