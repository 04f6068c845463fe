package org.haven.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.haven.it.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.it.Keycloak;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /haven/api/v1/cases} from the outside, as an API client sees it. */
@ExtendWith(ArquillianExtension.class)
class CasesApiIT {

  static final String PROBLEM = "application/problem+json";
  static final String CASE_NUMBER = "HVN-\\d{4}-\\d{6,}";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static final String CASEWORKER = Keycloak.accessToken("caseworker.north");

  static Response register(String json) {
    return api(DemoStaff.CASEWORKER_NORTH).contentType(ContentType.JSON).body(json).post("/cases");
  }

  @Test
  void registeringACaseAnswers201WithItsLocationAndTheCase() {
    Response created =
        register(
            "{\"riskLevel\":\"HIGH\",\"survivor\":{\"sex\":\"FEMALE\",\"nationality\":\"NG\"}}");

    created
        .then()
        .statusCode(201)
        .contentType(ContentType.JSON)
        .header("Location", matchesPattern(".*/haven/api/v1/cases/" + CASE_NUMBER))
        .body("caseNumber", matchesPattern(CASE_NUMBER))
        .body("status", equalTo("OPEN"))
        .body("riskLevel", equalTo("HIGH"))
        .body("survivor.sex", equalTo("FEMALE"))
        .body("survivor.nationality", equalTo("NG"))
        .body("createdAt", notNullValue())
        .body("version", equalTo(0));

    String caseNumber = created.path("caseNumber");
    given()
        .auth()
        .oauth2(CASEWORKER)
        .accept(ContentType.JSON)
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .body("caseNumber", equalTo(caseNumber))
        .body("riskLevel", equalTo("HIGH"))
        .body("createdAt", equalTo(created.path("createdAt")));
  }

  @Test
  void survivorDetailsAreOptional() {
    register("{\"riskLevel\":\"LOW\"}")
        .then()
        .statusCode(201)
        .body("survivor.sex", nullValue())
        .body("survivor.nationality", nullValue());
  }

  @Test
  void aMissingCaseIs404ProblemJson() {
    api(DemoStaff.CASEWORKER_NORTH)
        .get("/cases/HVN-1999-000000")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("status", equalTo(404))
        .body("title", equalTo("Not Found"))
        .body("type", notNullValue());
  }

  @Test
  void listsCasesPageByPage() {
    for (int i = 0; i < 3; i++) {
      register("{\"riskLevel\":\"MEDIUM\"}").then().statusCode(201);
    }
    Response first = api(DemoStaff.CASEWORKER_NORTH).queryParam("size", 2).get("/cases");
    first
        .then()
        .statusCode(200)
        .body("items", hasSize(2))
        .body("page", equalTo(0))
        .body("size", equalTo(2))
        .body("items.caseNumber", everyItem(matchesPattern(CASE_NUMBER)));
    long total = first.jsonPath().getLong("totalItems");
    assertEquals((total + 1) / 2, first.jsonPath().getLong("totalPages"));

    List<String> second =
        api(DemoStaff.CASEWORKER_NORTH)
            .queryParam("size", 2)
            .queryParam("page", 1)
            .get("/cases")
            .path("items.caseNumber");
    List<String> firstNumbers = first.path("items.caseNumber");
    second.forEach(n -> assertEquals(false, firstNumbers.contains(n), "pages overlap on " + n));
  }

  @Test
  void sortsByAPropertyEitherWay() {
    List<String> descending =
        api(DemoStaff.CASEWORKER_NORTH)
            .queryParam("sort", "-caseNumber")
            .queryParam("size", 100)
            .get("/cases")
            .then()
            .statusCode(200)
            .extract()
            .path("items.caseNumber");
    List<String> sorted = new ArrayList<>(descending);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, descending);
  }

  @Test
  void aNewCaseAppearsInTheList() {
    String caseNumber = register("{\"riskLevel\":\"HIGH\"}").path("caseNumber");
    api(DemoStaff.CASEWORKER_NORTH)
        .queryParam("size", 100)
        .get("/cases")
        .then()
        .body("items.caseNumber", hasItem(caseNumber));
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        Arguments.of("missing field", "{}", "riskLevel"),
        Arguments.of("null field", "{\"riskLevel\":null}", "riskLevel"),
        Arguments.of("unknown code", "{\"riskLevel\":\"CRITICAL\"}", "riskLevel"),
        Arguments.of("wrong type", "{\"riskLevel\":42}", "riskLevel"),
        Arguments.of(
            "nested unknown code",
            "{\"riskLevel\":\"LOW\",\"survivor\":{\"sex\":\"X\"}}",
            "survivor.sex"),
        Arguments.of(
            "oversized string",
            "{\"riskLevel\":\"LOW\",\"survivor\":{\"nationality\":\"" + "N".repeat(5000) + "\"}}",
            "survivor.nationality"),
        Arguments.of("unknown property", "{\"riskLevel\":\"LOW\",\"name\":\"x\"}", "name"),
        Arguments.of(
            "nested unknown property",
            "{\"riskLevel\":\"LOW\",\"survivor\":{\"phone\":\"1\"}}",
            "survivor.phone"),
        Arguments.of(
            "object of the wrong type", "{\"riskLevel\":\"LOW\",\"survivor\":[1]}", "survivor"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBodies")
  void invalidBodiesAre400ProblemsNamingTheField(String why, String json, String field) {
    long before = api(DemoStaff.CASEWORKER_NORTH).get("/cases").jsonPath().getLong("totalItems");
    register(json)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("status", equalTo(400))
        .body("title", notNullValue())
        .body("detail", notNullValue())
        .body("errors.field", hasItem(field))
        .body("errors.pointer", hasItem("#/" + field.replace('.', '/')))
        .body(not(containsString("Exception")));
    // Nothing is saved from a refused request.
    assertEquals(
        before, api(DemoStaff.CASEWORKER_NORTH).get("/cases").jsonPath().getLong("totalItems"));
  }

  static Stream<Arguments> unreadableBodies() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"riskLevel\":"),
        Arguments.of("not an object", "[\"HIGH\"]"),
        Arguments.of("empty body", ""),
        Arguments.of("JSON null", "null"),
        Arguments.of("not JSON at all", "riskLevel=HIGH"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableBodies")
  void unreadableBodiesAre400Problems(String why, String body) {
    register(body)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("status", equalTo(400))
        .body(not(containsString("Exception")))
        .body(not(containsString("at org.")));
  }

  @Test
  void aBodyOverOneMebibyteIs413Problem() {
    String padding = " ".repeat(1024 * 1024);
    register("{\"riskLevel\":\"LOW\"" + padding + "}")
        .then()
        .statusCode(413)
        .contentType(PROBLEM)
        .body("status", equalTo(413));
    // The same without a length, as a chunked stream.
    api(DemoStaff.CASEWORKER_NORTH)
        .contentType(ContentType.JSON)
        .body(
            new java.io.ByteArrayInputStream(
                ("{\"riskLevel\":\"LOW\"" + padding + "}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .post("/cases")
        .then()
        .statusCode(413)
        .contentType(PROBLEM);
  }

  @Test
  void anAcceptTheApiCannotServeIs406Problem() {
    api(DemoStaff.CASEWORKER_NORTH)
        .accept("application/xml")
        .get("/cases")
        .then()
        .statusCode(406)
        .contentType(PROBLEM);
  }

  @Test
  void aWrongContentTypeIs415Problem() {
    api(DemoStaff.CASEWORKER_NORTH)
        .contentType(ContentType.TEXT)
        .body("riskLevel=HIGH")
        .post("/cases")
        .then()
        .statusCode(415)
        .contentType(PROBLEM)
        .body("status", equalTo(415));
  }

  @Test
  void anUnsupportedMethodIs405Problem() {
    api(DemoStaff.CASEWORKER_NORTH)
        .delete("/cases")
        .then()
        .statusCode(405)
        .contentType(PROBLEM)
        .body("status", equalTo(405));
  }

  @Test
  void anUnknownPathIs404Problem() {
    api(DemoStaff.CASEWORKER_NORTH)
        .get("/no-such-thing")
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
  }

  @Test
  void badPagingParametersAre400ProblemsNamingThem() {
    api(DemoStaff.CASEWORKER_NORTH)
        .queryParam("page", -1)
        .queryParam("size", 1000)
        .queryParam("sort", "name")
        .get("/cases")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("page"))
        .body("errors.field", hasItem("size"))
        .body("errors.field", hasItem("sort"));
    api(DemoStaff.CASEWORKER_NORTH)
        .queryParam("page", "abc")
        .get("/cases")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("page"));
    api(DemoStaff.CASEWORKER_NORTH)
        .queryParam("size", 100)
        .get("/cases")
        .then()
        .statusCode(200)
        .body("items.size()", lessThanOrEqualTo(100));
  }

  @Test
  void twentyConcurrentRegistrationsGetTwentyDistinctNumbers() throws Exception {
    int writers = 20;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Response>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        Callable<Response> call =
            () -> {
              start.await();
              return register("{\"riskLevel\":\"HIGH\"}");
            };
        results.add(pool.submit(call));
      }
      start.countDown();
      Set<String> numbers = new HashSet<>();
      for (Future<Response> result : results) {
        Response response = result.get();
        assertEquals(201, response.statusCode(), response.asString());
        numbers.add(response.path("caseNumber"));
      }
      assertEquals(writers, numbers.size(), numbers.toString());
      for (String number : numbers) {
        api(DemoStaff.CASEWORKER_NORTH).get("/cases/" + number).then().statusCode(200);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
