package org.haven.reports;

import static org.hamcrest.Matchers.equalTo;
import static org.haven.it.Api.api;
import static org.haven.it.CaseFixture.CW;
import static org.haven.it.CaseFixture.SUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The CTDC export: the codebook's columns, only survivors who consented to statistics, every
 * released combination of quasi-identifiers at least 11 times, a withdrawn consent out of the next
 * export, a disclosure report with counts, audited, for administrators only.
 */
@ExtendWith(ArquillianExtension.class)
class CtdcExportIT {

  /** The columns the issue names, each of which the export must carry under exactly this name. */
  static final List<String> NAMED =
      List.of(
          "yearOfRegistration",
          "gender",
          "ageBroad",
          "majorityStatus",
          "majorityStatusAtExploit",
          "citizenship",
          "meansOfControlDebtBondage",
          "meansOfControlWithholdsDocuments",
          "isForcedLabour",
          "isSexualExploit",
          "isForcedMarriage",
          "typeOfExploitConcatenated",
          "typeOfLabourAgriculture",
          "typeOfSexProstitution",
          "isAbduction",
          "RecruiterRelationship",
          "recruiterRelationFriend",
          "CountryOfExploitation");

  static final List<String> QUASI =
      List.of(
          "yearOfRegistration",
          "gender",
          "ageBroad",
          "majorityStatus",
          "citizenship",
          "CountryOfExploitation",
          "typeOfExploitConcatenated");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static String survivor(String sex, String nationality, String band, String type, String country) {
    String n =
        api(CW)
            .body(
                "{\"riskLevel\":\"MEDIUM\",\"survivor\":{\"sex\":\""
                    + sex
                    + "\",\"nationality\":\""
                    + nationality
                    + "\",\"ageBand\":\""
                    + band
                    + "\"}}")
            .post("/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("caseNumber");
    api(CW)
        .body(
            "{\"types\":[\""
                + type
                + "\"],\"countryOfExploitation\":\""
                + country
                + "\",\"recruiterRelationship\":\"FRIEND\",\"abducted\":\"NO\"}")
        .put("/cases/" + n + "/exploitation")
        .then()
        .statusCode(200);
    return n;
  }

  static int consentToStatistics(String n) {
    return api(CW)
        .body("{\"type\":\"STATISTICS\",\"howObtained\":\"VERBAL\",\"givenOn\":\"2026-01-05\"}")
        .post("/cases/" + n + "/consents")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** The export as a header and rows of cells. */
  static List<Map<String, String>> export() {
    Response csv = api(DemoStaff.ADMIN).accept("text/csv").get("/exports/ctdc.csv");
    csv.then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/csv"));
    String[] lines = csv.asString().split("\r\n");
    List<String> header = List.of(lines[0].split(",", -1));
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      assertEquals(header.size(), cells.length, "line " + i + ": " + lines[i]);
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < cells.length; c++) {
        row.put(header.get(c), cells[c]);
      }
      rows.add(row);
    }
    rows.add(0, Map.of("__header", String.join(",", header)));
    return rows;
  }

  static long tongans(List<Map<String, String>> rows) {
    return rows.stream()
        .filter(r -> "TO".equals(r.get("citizenship")))
        .filter(r -> "Forced marriage".equals(r.get("typeOfExploitConcatenated")))
        .count();
  }

  @Test
  void onlyConsentingSurvivorsAreReleasedInGroupsOfElevenAndAWithdrawalTakesOneOut() {
    List<Integer> consents = new ArrayList<>();
    List<String> tongan = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String n = survivor("FEMALE", "TO", "24-26", "FORCED_MARRIAGE", "FJ");
      tongan.add(n);
      consents.add(consentToStatistics(n));
    }
    // Two more like them without the consent, and one alone in her combination.
    survivor("FEMALE", "TO", "24-26", "FORCED_MARRIAGE", "FJ");
    survivor("FEMALE", "TO", "24-26", "FORCED_MARRIAGE", "FJ");
    consentToStatistics(survivor("MALE", "KI", "48+", "FORCED_MILITARY", "WS"));

    Map<String, Object> before =
        api(DemoStaff.ADMIN).get("/exports/ctdc/report").then().statusCode(200).extract().path("");
    assertEquals(11, before.get("k"));
    assertEquals(
        ((Number) before.get("eligible")).longValue(),
        ((Number) before.get("released")).longValue()
            + ((Number) before.get("suppressed")).longValue());
    assertTrue(((Number) before.get("smallestGroup")).intValue() >= 11, before.toString());
    assertTrue(before.get("generalisations") instanceof Map<?, ?>, before.toString());

    List<Map<String, String>> rows = export();
    String header = rows.remove(0).get("__header");
    for (String column : NAMED) {
      assertTrue(List.of(header.split(",")).contains(column), "no column " + column);
    }
    assertEquals(12, tongans(rows), "the twelve who consented, not the two who did not");
    Map<List<String>, Integer> groups = new HashMap<>();
    for (Map<String, String> row : rows) {
      groups.merge(QUASI.stream().map(row::get).toList(), 1, Integer::sum);
    }
    groups.forEach((qi, n) -> assertTrue(n >= 11, qi + " released " + n + " times"));
    assertFalse(rows.stream().anyMatch(r -> "KI".equals(r.get("citizenship"))), "KI is alone");
    Map<String, String> one =
        rows.stream().filter(r -> "TO".equals(r.get("citizenship"))).findFirst().orElseThrow();
    assertEquals("Female", one.get("gender"));
    assertEquals("24--26", one.get("ageBroad"));
    assertEquals("Adult", one.get("majorityStatus"));
    assertEquals("1", one.get("isForcedMarriage"));
    assertEquals("0", one.get("isForcedLabour"));
    assertEquals("Friend", one.get("RecruiterRelationship"));
    assertEquals("1", one.get("recruiterRelationFriend"));
    assertEquals("0", one.get("isAbduction"));
    assertEquals("FJ", one.get("CountryOfExploitation"));
    assertEquals("", one.get("majorityStatusAtExploit"), "not answered: empty");

    api(CW)
        .body("{}")
        .post("/cases/" + tongan.get(0) + "/consents/" + consents.get(0) + "/withdrawal")
        .then()
        .statusCode(200);
    List<Map<String, String>> after = export();
    after.remove(0);
    assertEquals(11, tongans(after), "the survivor who withdrew is out of the next export");
    api(DemoStaff.ADMIN)
        .get("/exports/ctdc/report")
        .then()
        .statusCode(200)
        .body("eligible", equalTo(((Number) before.get("eligible")).intValue() - 1));
  }

  @Test
  void theExportIsAuditedWithItsCountsAndIsForAdministratorsOnly() {
    Response csv = api(DemoStaff.ADMIN).accept("text/csv").get("/exports/ctdc.csv");
    csv.then().statusCode(200);
    List<Map<String, Object>> events = Api.auditEventsOf(csv);
    assertEquals(1, events.size(), events.toString());
    assertEquals("STATISTICS_EXPORTED", events.get(0).get("action"));
    String details = (String) events.get(0).get("details");
    assertTrue(details.contains("eligible") && details.contains("k 11"), details);

    for (DemoStaff refused : List.of(CW, SUP)) {
      api(refused).accept("text/csv").get("/exports/ctdc.csv").then().statusCode(403);
      api(refused).get("/exports/ctdc/report").then().statusCode(403);
    }
  }
}
