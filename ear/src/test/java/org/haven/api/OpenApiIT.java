package org.haven.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.haven.it.Api;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.it.RestEndpoints;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document the server serves describes every REST method Haven has, and the API keeps
 * to it: a caseworker's and a supervisor's day of calls, errors included, each request and answer
 * checked against the document (swagger-request-validator).
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static String document() {
    return given()
        .baseUri(HavenDeployment.httpRoot().toString())
        .accept("application/json")
        .get("/openapi?format=JSON")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void theServedDocumentDescribesEveryRestMethod() throws Exception {
    String json = document();
    Files.writeString(Path.of("target", "openapi.json"), json);
    Map<String, Map<String, Object>> paths =
        io.restassured.path.json.JsonPath.from(json).getMap("paths");
    Set<String> documented = new TreeSet<>();
    paths.forEach(
        (path, item) ->
            item.keySet()
                .forEach(
                    verb ->
                        documented.add(
                            verb.toUpperCase() + " " + path.replaceFirst("^/haven/api/v1", ""))));
    Set<String> missing = new TreeSet<>(RestEndpoints.methods());
    missing.removeAll(documented);
    assertTrue(
        missing.isEmpty(), "not in the OpenAPI document: " + missing + "; has " + documented);
  }

  /**
   * The generated client (GeneratedClientIT) is made from a snapshot of the served document; the
   * snapshot must be what the server serves. After a change to the API, copy {@code
   * ear/target/openapi.json} (written by the test above) to the snapshot.
   */
  @Test
  void theClientIsGeneratedFromTheServedDocument() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    assertTrue(
        json.readTree(Files.readString(Path.of("src/test/resources/openapi/haven-api.json")))
            .equals(json.readTree(document())),
        "the snapshot src/test/resources/openapi/haven-api.json is not the served document:"
            + " copy target/openapi.json over it");
  }

  /**
   * What an integrator generating a client needs: every operation with a stable id in the API's
   * words, a summary, one feature's tag and the problems it can answer; coded fields as enums in
   * requests as in answers; one name per schema; a license and external documentation that
   * validators accept.
   */
  @Test
  void theDocumentIsUsableForGeneratingAClient() {
    io.restassured.path.json.JsonPath doc = io.restassured.path.json.JsonPath.from(document());
    Set<String> tags = new TreeSet<>(doc.getList("tags.name"));
    assertTrue(
        tags.containsAll(List.of("cases", "referrals", "services", "audit")), "tags " + tags);
    Set<String> ids = new TreeSet<>();
    List<String> wrong = new java.util.ArrayList<>();
    Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
    paths.forEach(
        (path, item) ->
            item.forEach(
                (verb, op) -> {
                  String where = verb.toUpperCase() + " " + path;
                  Object id = op.get("operationId");
                  if (!(id instanceof String s) || !s.matches("[a-z][A-Za-z]+") || !ids.add(s)) {
                    wrong.add(where + ": operationId " + id);
                  }
                  if (!(op.get("summary") instanceof String summary) || summary.isBlank()) {
                    wrong.add(where + ": no summary");
                  }
                  if (!(op.get("tags") instanceof List<?> t)
                      || t.size() != 1
                      || !tags.contains(t.get(0))) {
                    wrong.add(where + ": tags " + op.get("tags"));
                  }
                  @SuppressWarnings("unchecked")
                  Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                  if (!responses.containsKey("401") || !responses.containsKey("403")) {
                    wrong.add(where + ": no 401/403 problem answers " + responses.keySet());
                  }
                  if (path.contains("{") && !responses.containsKey("404")) {
                    wrong.add(where + ": no 404 answer");
                  }
                }));
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    Set<String> schemas = doc.<String, Object>getMap("components.schemas").keySet();
    assertTrue(
        schemas.stream().noneMatch(name -> name.matches(".*\\d$")),
        "schemas named twice: " + schemas);
    assertTrue(
        String.valueOf(doc.getMap("components.schemas.CaseIntake.properties.riskLevel"))
            .contains("RiskLevel"),
        "riskLevel in a request is the RiskLevel enum");
    assertTrue(doc.getString("info.license.name") != null, "a license with a name");
    assertTrue(doc.getString("externalDocs.url") != null, "external documentation with a url");
  }

  @Test
  void everyAnswerKeepsToTheDocument() {
    String served = document();
    OpenApiValidationFilter contract =
        new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForInlineApiSpecification(served).build());
    // For requests that break the document on purpose: only the answer is held to it.
    OpenApiValidationFilter answers =
        new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForInlineApiSpecification(served)
                .withLevelResolver(
                    com.atlassian.oai.validator.report.LevelResolver.create()
                        .withLevel(
                            "validation.request",
                            com.atlassian.oai.validator.report.ValidationReport.Level.IGNORE)
                        .build())
                .build());
    Function<DemoStaff, RequestSpecification> as = user -> Api.api(user).filter(contract);
    DemoStaff cw = DemoStaff.CASEWORKER_NORTH;
    DemoStaff sup = DemoStaff.SUPERVISOR_NORTH;
    String n =
        as.apply(cw)
            .body(
                "{\"riskLevel\":\"HIGH\",\"narrative\":\"Contract.\",\"survivor\":{\"givenNames\":\"Ana\","
                    + "\"birthDate\":\"1999-02-03\",\"document\":{\"type\":\"PASSPORT\",\"number\":\"P1\"}}}")
            .post("/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("caseNumber");
    as.apply(cw).get("/cases/" + n).then().statusCode(200);
    as.apply(cw).get("/cases?riskLevel=HIGH&status=OPEN&name=Ana").then().statusCode(200);
    as.apply(cw)
        .body(
            "{\"types\":[\"FORCED_LABOUR\"],\"labourTypes\":[\"AGRICULTURE\"],\"countryOfExploitation\":\"NG\"}")
        .put("/cases/" + n + "/exploitation")
        .then()
        .statusCode(200);
    as.apply(sup)
        .body("{\"riskLevel\":\"MEDIUM\"}")
        .put("/cases/" + n + "/risk")
        .then()
        .statusCode(200);
    as.apply(cw)
        .body("{\"to\":\"CLOSED\"}")
        .post("/cases/" + n + "/transitions")
        .then()
        .statusCode(409);
    as.apply(cw)
        .body("{\"to\":\"ASSESSMENT\",\"version\":0}")
        .post("/cases/" + n + "/transitions")
        .then()
        .statusCode(409);
    as.apply(cw)
        .body("{\"to\":\"ASSESSMENT\"}")
        .post("/cases/" + n + "/transitions")
        .then()
        .statusCode(200);
    as.apply(cw)
        .body("{\"text\":\"Called.\"}")
        .post("/cases/" + n + "/notes")
        .then()
        .statusCode(201);
    as.apply(cw).get("/cases/" + n + "/notes").then().statusCode(200);
    as.apply(cw).get("/cases/" + n + "/history").then().statusCode(200);
    int consent =
        as.apply(cw)
            .body(
                "{\"type\":\"DATA_SHARING\",\"recipient\":\"Clinic\",\"purpose\":\"Care\","
                    + "\"howObtained\":\"GUARDIAN\",\"givenOn\":\"2026-02-01\"}")
            .post("/cases/" + n + "/consents")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as.apply(cw)
        .body("{}")
        .post("/cases/" + n + "/consents/" + consent + "/withdrawal")
        .then()
        .statusCode(200);
    as.apply(cw).get("/cases/" + n + "/consents").then().statusCode(200);
    as.apply(cw)
        .body("{\"text\":\"Needs.\"}")
        .put("/cases/" + n + "/plan/assessment")
        .then()
        .statusCode(200);
    int goal =
        as.apply(cw)
            .body("{\"text\":\"Housing.\"}")
            .post("/cases/" + n + "/plan/goals")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    int action =
        as.apply(cw)
            .body(
                "{\"text\":\"Visit.\",\"responsible\":\"caseworker.north\",\"dueOn\":\"2030-01-01\"}")
            .post("/cases/" + n + "/plan/goals/" + goal + "/actions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as.apply(cw)
        .body("{\"done\":true}")
        .put("/cases/" + n + "/plan/actions/" + action)
        .then()
        .statusCode(200);
    as.apply(cw)
        .body("{\"status\":\"ACHIEVED\"}")
        .put("/cases/" + n + "/plan/goals/" + goal)
        .then()
        .statusCode(200);
    as.apply(cw).get("/cases/" + n + "/plan").then().statusCode(200);
    int task =
        as.apply(cw)
            .body("{\"title\":\"Call.\",\"dueOn\":\"2030-01-01\"}")
            .post("/cases/" + n + "/tasks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as.apply(cw)
        .body("{\"status\":\"DONE\"}")
        .put("/cases/" + n + "/tasks/" + task)
        .then()
        .statusCode(200);
    as.apply(cw).get("/cases/" + n + "/tasks").then().statusCode(200);
    as.apply(cw).get("/tasks").then().statusCode(200);
    as.apply(cw).get("/dashboard").then().statusCode(200);
    as.apply(sup).get("/approvals").then().statusCode(200);
    as.apply(sup).get("/break-glass").then().statusCode(200);
    as.apply(DemoStaff.ADMIN).get("/dashboard").then().statusCode(200);
    as.apply(DemoStaff.ADMIN).get("/cases").then().statusCode(403);
    as.apply(DemoStaff.SUPERVISOR_SOUTH).get("/cases/" + n).then().statusCode(404);
    Api.api(cw)
        .filter(answers)
        .body("{\"riskLevel\":\"SEVERE\"}")
        .post("/cases")
        .then()
        .statusCode(400);
    as.apply(DemoStaff.ADMIN).get("/audit/events?size=5").then().statusCode(200);
    as.apply(DemoStaff.ADMIN).get("/audit/verify").then().statusCode(200);
    as.apply(DemoStaff.ADMIN).get("/admin/keys").then().statusCode(200);
    as.apply(DemoStaff.ADMIN).get("/admin/users").then().statusCode(200);
    // The directory, services per case and referrals.
    as.apply(cw).get("/services").then().statusCode(200);
    int provider =
        as.apply(DemoStaff.ADMIN)
            .body(
                "{\"name\":\"Contract provider "
                    + System.nanoTime()
                    + "\",\"serviceTypes\":[\"LEGAL_AID\"],\"areas\":[\"North\"],\"responseTimeHours\":24}")
            .post("/admin/providers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as.apply(cw).get("/providers?serviceType=LEGAL_AID").then().statusCode(200);
    as.apply(cw).get("/providers/" + provider).then().statusCode(200);
    as.apply(DemoStaff.ADMIN)
        .contentType("text/csv")
        .body("name,serviceTypes,areas,phone,email,address,responseTimeHours\nBad,SPA,,,,,1\n")
        .post("/admin/providers/import")
        .then()
        .statusCode(200);
    int service =
        as.apply(cw)
            .body(
                "{\"serviceType\":\"LEGAL_AID\",\"providerId\":"
                    + provider
                    + ",\"plannedOn\":\"2030-01-01\"}")
            .post("/cases/" + n + "/services")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as.apply(cw)
        .body("{\"status\":\"CANCELLED\",\"outcome\":\"Not needed.\"}")
        .put("/cases/" + n + "/services/" + service)
        .then()
        .statusCode(200);
    as.apply(cw).get("/cases/" + n + "/services").then().statusCode(200);
    int referral =
        as.apply(cw)
            .body(
                "{\"serviceType\":\"LEGAL_AID\",\"providerId\":"
                    + provider
                    + ",\"urgency\":\"URGENT\",\"sharesData\":false,\"reason\":\"Advice.\"}")
            .post("/cases/" + n + "/referrals")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as.apply(cw)
        .body("{\"to\":\"PENDING_APPROVAL\"}")
        .post("/cases/" + n + "/referrals/" + referral + "/transitions")
        .then()
        .statusCode(200);
    as.apply(sup).get("/referrals/awaiting-approval").then().statusCode(200);
    as.apply(sup)
        .body("{\"to\":\"SENT\"}")
        .post("/cases/" + n + "/referrals/" + referral + "/transitions")
        .then()
        .statusCode(200);
    as.apply(cw)
        .body("{\"to\":\"COMPLETED\"}")
        .post("/cases/" + n + "/referrals/" + referral + "/transitions")
        .then()
        .statusCode(409);
    as.apply(cw).get("/cases/" + n + "/referrals").then().statusCode(200);
    as.apply(cw)
        .accept("application/pdf")
        .get("/cases/" + n + "/referrals/" + referral + "/summary.pdf")
        .then()
        .statusCode(200);
    as.apply(cw)
        .accept("application/pdf")
        .get("/cases/" + n + "/referrals/0/summary.pdf")
        .then()
        .statusCode(404);
    as.apply(cw)
        .body(
            "{\"type\":\"DATA_SHARING\",\"providerId\":"
                + provider
                + ",\"serviceType\":\"LEGAL_AID\",\"sharedFields\":[\"NAME\"],"
                + "\"howObtained\":\"WRITTEN\",\"givenOn\":\"2026-01-01\"}")
        .post("/cases/" + n + "/consents")
        .then()
        .statusCode(201);
    as.apply(sup).get("/notifications/unread-count").then().statusCode(200);
    List<Integer> notices =
        as.apply(sup).get("/notifications").then().statusCode(200).extract().path("id");
    as.apply(sup).post("/notifications/" + notices.get(0) + "/read").then().statusCode(200);
    as.apply(cw).post("/notifications/0/read").then().statusCode(404);
    as.apply(sup).post("/notifications/read-all").then().statusCode(200);
    // The filter is live: what the document does not describe fails the test.
    assertThrows(
        OpenApiValidationFilter.OpenApiValidationException.class,
        () -> as.apply(cw).get("/cases/" + n + "/photos"));
    assertThrows(
        OpenApiValidationFilter.OpenApiValidationException.class,
        () -> as.apply(cw).body("{\"reason\":\"no status\"}").post("/cases/" + n + "/transitions"));
  }
}
