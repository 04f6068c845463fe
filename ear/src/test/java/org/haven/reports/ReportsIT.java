package org.haven.reports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.haven.it.Api.api;
import static org.haven.it.CaseFixture.CW;
import static org.haven.it.CaseFixture.SUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/**
 * Reports over REST: counts by coded dimensions, small cells withheld so that no subtraction
 * recovers them, for supervisors (their team) and administrators (every team); never for
 * caseworkers; each report audited. The cases counted here are the only ones of the suite with
 * organ removal as their form of exploitation, so the filter isolates them.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

  static final String ISOLATED = "exploitationType=ORGAN_REMOVAL";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  private static boolean seeded;

  /**
   * 8 women and 6 men from Nauru at high risk, 2 women from Tuvalu at low risk; 3 of the women also
   * in forced labour.
   */
  static synchronized void seed() {
    if (seeded) {
      return;
    }
    for (int i = 0; i < 16; i++) {
      String sex = i < 8 || i >= 14 ? "FEMALE" : "MALE";
      String nationality = i >= 14 ? "TV" : "NR";
      String n =
          api(CW)
              .body(
                  "{\"riskLevel\":\""
                      + (nationality.equals("TV") ? "LOW" : "HIGH")
                      + "\",\"survivor\":{\"sex\":\""
                      + sex
                      + "\",\"nationality\":\""
                      + nationality
                      + "\",\"ageBand\":\"30-38\"}}")
              .post("/cases")
              .then()
              .statusCode(201)
              .extract()
              .path("caseNumber");
      String types = i < 3 ? "\"ORGAN_REMOVAL\",\"FORCED_LABOUR\"" : "\"ORGAN_REMOVAL\"";
      api(CW)
          .body("{\"types\":[" + types + "]}")
          .put("/cases/" + n + "/exploitation")
          .then()
          .statusCode(200);
    }
    seeded = true;
  }

  static Response report(DemoStaff user, String query) {
    return api(user).get("/reports/cases" + (query.isEmpty() ? "" : "?" + query));
  }

  static Map<String, Object> rowOf(List<Map<String, Object>> rows, String key, String value) {
    return rows.stream()
        .filter(r -> value.equals(((Map<?, ?>) r.get("values")).get(key)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + key + "=" + value + " in " + rows));
  }

  @Test
  void aOneWayTableCountsPersons() {
    seed();
    Response answer = report(SUP, "groupBy=sex&" + ISOLATED);
    answer
        .then()
        .statusCode(200)
        .body("groupBy", equalTo(List.of("sex")))
        .body("counts", equalTo("persons"))
        .body("total", equalTo(15))
        .body("suppressedBelow", equalTo(5))
        .body("roundedTo", equalTo(5))
        .body("team", equalTo("north"));
    List<Map<String, Object>> rows = answer.path("rows");
    // 10 women and 6 men, published to the nearest five (the total of 16 too).
    assertEquals(10, rowOf(rows, "sex", "FEMALE").get("count"));
    assertEquals(5, rowOf(rows, "sex", "MALE").get("count"));
    assertEquals(false, rowOf(rows, "sex", "MALE").get("suppressed"));
  }

  @Test
  void aSmallCellIsWithheldAndTheTotalDoesNotGiveItAway() {
    seed();
    Response answer = report(SUP, "groupBy=nationality&" + ISOLATED);
    answer.then().statusCode(200).body("total", equalTo(15));
    List<Map<String, Object>> rows = answer.path("rows");
    Map<String, Object> tuvalu = rowOf(rows, "nationality", "TV");
    assertEquals(true, tuvalu.get("suppressed"));
    assertTrue(tuvalu.containsKey("count") && tuvalu.get("count") == null, tuvalu.toString());
    long published =
        rows.stream()
            .filter(r -> r.get("count") != null)
            .mapToLong(r -> ((Number) r.get("count")).longValue())
            .sum();
    assertNotEquals(2, 15 - published, "the total less the published cells is not the 2");
    assertTrue(answer.asString().contains("\"count\":null"), answer.asString());
  }

  @Test
  void theMarginsOfASmallerTableDoNotRecoverAWithheldCell() {
    seed();
    // Sex alone publishes 10 women; sex by nationality must not leave the 2 from Tuvalu alone.
    Response answer = report(SUP, "groupBy=sex,nationality&" + ISOLATED);
    answer.then().statusCode(200);
    List<Map<String, Object>> rows = answer.path("rows");
    long women =
        rows.stream()
            .filter(r -> "FEMALE".equals(((Map<?, ?>) r.get("values")).get("sex")))
            .filter(r -> r.get("count") != null)
            .mapToLong(r -> ((Number) r.get("count")).longValue())
            .sum();
    assertNotEquals(2, 10 - women, "ten women less the published cells is not the 2 of Tuvalu");
    for (Map<String, Object> row : rows) {
      Object count = row.get("count");
      assertTrue(count == null || ((Number) count).intValue() >= 5, row.toString());
    }
  }

  @Test
  void aMultiValuedCodeCountsMentions() {
    seed();
    Response answer = report(SUP, "groupBy=exploitationType&" + ISOLATED);
    answer.then().statusCode(200).body("counts", equalTo("mentions")).body("total", equalTo(15));
    List<Map<String, Object>> rows = answer.path("rows");
    assertEquals(true, rowOf(rows, "exploitationType", "FORCED_LABOUR").get("suppressed"));
    // 16 mentions of organ removal beside 3 of forced labour: the total of 16 persons would give
    // the 3 away by no subtraction, but 16 and 3 mentions alone would; both are withheld.
    assertEquals(true, rowOf(rows, "exploitationType", "ORGAN_REMOVAL").get("suppressed"));
    report(SUP, "groupBy=exploitationType,sex&" + ISOLATED)
        .then()
        .statusCode(200)
        .body("counts", equalTo("mentions"))
        .body(
            "rows.find { it.values.exploitationType == 'ORGAN_REMOVAL' && it.values.sex == 'FEMALE' }.suppressed",
            equalTo(true));
  }

  @Test
  void periodsAndAgeBandsAreWrittenAsPeopleReadThem() {
    seed();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Response answer = report(SUP, "groupBy=intakeQuarter,ageBand&" + ISOLATED);
    answer.then().statusCode(200);
    List<Map<String, Object>> rows = answer.path("rows");
    Map<String, Object> row = rowOf(rows, "ageBand", "30-38");
    assertEquals(
        today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1),
        ((Map<?, ?>) row.get("values")).get("intakeQuarter"));
    report(SUP, "groupBy=intakeMonth&" + ISOLATED)
        .then()
        .statusCode(200)
        .body("rows[0].values.intakeMonth", equalTo(today.toString().substring(0, 7)));
    report(SUP, "groupBy=intakeYear&from=" + today + "&to=" + today + "&" + ISOLATED)
        .then()
        .statusCode(200)
        .body("rows[0].values.intakeYear", equalTo(String.valueOf(today.getYear())))
        .body("total", equalTo(15));
    report(SUP, "groupBy=sex&to=" + today.minusDays(1) + "&" + ISOLATED)
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
  }

  @Test
  void administratorsCountEveryTeamAndCaseworkersNone() {
    seed();
    report(DemoStaff.ADMIN, "groupBy=team&" + ISOLATED)
        .then()
        .statusCode(200)
        .body("team", nullValue())
        .body("rows.values.team", hasItem("north"))
        .body("total", equalTo(15));
    report(DemoStaff.SUPERVISOR_SOUTH, "groupBy=sex&" + ISOLATED)
        .then()
        .statusCode(200)
        .body("team", equalTo("south"))
        .body("total", equalTo(0));
    // Another team's cases are not counted for a supervisor: refused, not answered with nothing.
    Response otherTeam = report(DemoStaff.SUPERVISOR_SOUTH, "groupBy=sex&team=north&" + ISOLATED);
    otherTeam.then().statusCode(403);
    assertEquals("ACCESS_DENIED", Api.auditEventsOf(otherTeam).get(0).get("action"));

    Response refused = report(CW, "groupBy=sex");
    refused.then().statusCode(403).body(containsString("reports"));
    List<Map<String, Object>> events = Api.auditEventsOf(refused);
    assertFalse(events.isEmpty(), "the refusal is audited");
    assertEquals("ACCESS_DENIED", events.get(0).get("action"));
  }

  @Test
  void everyReportIsAuditedWithWhatItCountedByAndNoValue() {
    seed();
    Response answer = report(SUP, "groupBy=nationality,sex&" + ISOLATED);
    answer.then().statusCode(200);
    List<Map<String, Object>> events = Api.auditEventsOf(answer);
    assertEquals(1, events.size(), events.toString());
    Map<String, Object> event = events.get(0);
    assertEquals("REPORT_VIEWED", event.get("action"));
    String details = (String) event.get("details");
    assertTrue(details.contains("groupBy: nationality,sex"), details);
    assertTrue(details.contains("exploitationType ORGAN_REMOVAL"), details);
    assertFalse(details.contains("NR") || details.contains("TV"), details);
  }

  @Test
  void badQuestionsAreRefusedNamingTheParameter() {
    for (String query :
        List.of(
            "",
            "groupBy=",
            "groupBy=shoeSize",
            "groupBy=sex,sex",
            "groupBy=sex,ageBand,team,status",
            "groupBy=sex%00",
            "groupBy=" + "x".repeat(5000))) {
      report(SUP, query)
          .then()
          .statusCode(400)
          .contentType(containsString("problem+json"))
          .body(containsString("groupBy"));
    }
    report(SUP, "groupBy=sex&from=2026-13-01").then().statusCode(400).body(containsString("from"));
    report(SUP, "groupBy=sex&from=2026-05-02&to=2026-05-01")
        .then()
        .statusCode(400)
        .body(containsString("to"));
    report(SUP, "groupBy=sex&status=GONE").then().statusCode(400).body(containsString("status"));
    report(SUP, "groupBy=sex&team=%0Anorth").then().statusCode(400).body(containsString("team"));
  }

  @Test
  void aTotalThatIsItselfSmallIsWithheld() {
    seed();
    Response answer = report(SUP, "groupBy=sex&" + ISOLATED + "&riskLevel=LOW");
    answer.then().statusCode(200).body("suppressedCells", equalTo(1));
    assertTrue(answer.asString().contains("\"total\":null"), answer.asString());
    report(SUP, "groupBy=sex&" + ISOLATED + "&riskLevel=HIGH")
        .then()
        .statusCode(200)
        .body("total", equalTo(15));
  }

  @Test
  void theDonorsIndicatorsComeWithTheSameProtection() {
    seed();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    Response answer = api(SUP).get("/reports/indicators?" + ISOLATED);
    answer
        .then()
        .statusCode(200)
        .body("team", equalTo("north"))
        .body("identifiedByForm.counts", equalTo("mentions"))
        .body("identifiedBySexAndMajority.total", equalTo(15))
        .body(
            "identifiedBySexAndMajority.rows.find { it.values.sex == 'FEMALE' }.values.intakeQuarter",
            equalTo(quarter))
        .body("identifiedBySexAndMajority.rows.find { it.values.sex == 'MALE' }.count", equalTo(5))
        .body(
            "identifiedBySexAndMajority.rows.find { it.values.sex == 'MALE' }.values.majority",
            equalTo("ADULT"));
    assertTrue(
        answer.asString().contains("\"firstService\":{\"cases\":null,\"medianDays\":null}"),
        answer.asString());
    List<Map<String, Object>> events = Api.auditEventsOf(answer);
    assertEquals(1, events.size(), events.toString());
    assertEquals("indicators", events.get(0).get("objectId"));
    api(CW).get("/reports/indicators").then().statusCode(403);
  }
}
