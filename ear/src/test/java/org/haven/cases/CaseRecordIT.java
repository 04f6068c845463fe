package org.haven.cases;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.LocalDate;
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
 * The full case record over REST: the exploitation profile and the list's filters, risk assessments
 * with their author and date, consents and their withdrawal, the assessment and plan, and what an
 * erasure leaves of them.
 */
@ExtendWith(ArquillianExtension.class)
class CaseRecordIT {

  static final DemoStaff CW = DemoStaff.CASEWORKER_NORTH;
  static final DemoStaff SUP = DemoStaff.SUPERVISOR_NORTH;

  static final String PROFILE =
      "{\"types\":[\"FORCED_LABOUR\",\"SEXUAL_EXPLOITATION\"],"
          + "\"labourTypes\":[\"CONSTRUCTION\"],"
          + "\"sexualExploitationTypes\":[\"PROSTITUTION\"],"
          + "\"meansOfControl\":[\"DEBT_BONDAGE\",\"WITHHOLDS_DOCUMENTS\"],"
          + "\"recruiterRelationship\":\"FRIEND\","
          + "\"recruitmentMethods\":[\"ONLINE_SOCIAL_MEDIA\"],"
          + "\"stateActorsInvolved\":\"UNKNOWN\","
          + "\"countryOfExploitation\":\"th\","
          + "\"minorWhenExploited\":\"NO\","
          + "\"abducted\":\"NO\"}";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static String newCase(String risk) {
    return Api.api(CW)
        .body("{\"riskLevel\":\"" + risk + "\",\"narrative\":\"Met at the bus station.\"}")
        .post("/cases")
        .then()
        .statusCode(201)
        .extract()
        .path("caseNumber");
  }

  @Test
  void theExploitationProfileIsKeptInTheCtdcVocabularyAndFiltersTheList() {
    String n = newCase("MEDIUM");
    Api.api(CW)
        .body(PROFILE)
        .put("/cases/" + n + "/exploitation")
        .then()
        .statusCode(200)
        .body("exploitation.types", contains("FORCED_LABOUR", "SEXUAL_EXPLOITATION"))
        .body("exploitation.labourTypes", contains("CONSTRUCTION"))
        .body("exploitation.meansOfControl", contains("DEBT_BONDAGE", "WITHHOLDS_DOCUMENTS"))
        .body("exploitation.countryOfExploitation", equalTo("TH"))
        .body("exploitation.recruiterRelationship", equalTo("FRIEND"));
    Api.api(CW)
        .get("/cases/" + n)
        .then()
        .body("exploitation.recruitmentMethods", contains("ONLINE_SOCIAL_MEDIA"))
        .body("exploitation.abducted", equalTo("NO"));
    Api.api(CW)
        .get("/cases?exploitationType=FORCED_LABOUR&size=100")
        .then()
        .statusCode(200)
        .body("items.caseNumber", hasItem(n));
    assertFalse(CaseFixture.listed(() -> Api.api(CW), "exploitationType=ORGAN_REMOVAL", n));
    Api.api(CW)
        .get("/cases?exploitationType=ORGANS")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("exploitationType"));
  }

  @Test
  void noAnswerWithSurvivorDataMayBeCached() {
    String n = newCase("LOW");
    for (String path : new String[] {"/cases/" + n, "/cases", "/cases/" + n + "/plan"}) {
      Api.api(CW).get(path).then().statusCode(200).header("Cache-Control", "no-store");
    }
  }

  @Test
  void aProfileThatDoesNotHoldTogetherIsRefusedNamingTheField() {
    String n = newCase("LOW");
    Api.api(CW)
        .body("{\"types\":[\"FORCED_MARRIAGE\"],\"labourTypes\":[\"MINING_OR_DRILLING\"]}")
        .put("/cases/" + n + "/exploitation")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("labourTypes"));
    Api.api(CW)
        .body("{\"types\":[\"FORCED_LAB\"]}")
        .put("/cases/" + n + "/exploitation")
        .then()
        .statusCode(400)
        .body("errors[0].field", containsString("types"));
    Api.api(CW)
        .body("{\"countryOfExploitation\":\"XX\"}")
        .put("/cases/" + n + "/exploitation")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("countryOfExploitation"));
    Api.api(CW)
        .get("/cases/" + n)
        .then()
        .body("exploitation.types.size()", equalTo(0))
        .body("version", equalTo(0));
  }

  @Test
  void aRiskAssessmentRecordsItsAuthorAndDateAndFiltersTheList() {
    String n = newCase("LOW");
    Response registered = Api.api(CW).get("/cases/" + n);
    assertEquals("caseworker.north", registered.path("riskAssessedBy.username"));
    Api.api(SUP)
        .body("{\"riskLevel\":\"HIGH\"}")
        .put("/cases/" + n + "/risk")
        .then()
        .statusCode(200)
        .body("riskLevel", equalTo("HIGH"))
        .body("riskAssessedBy.username", equalTo("supervisor.north"))
        .body("riskAssessedAt", notNullValue());
    Api.api(SUP)
        .get("/cases?riskLevel=HIGH&assignee=caseworker.north&status=OPEN&size=100")
        .then()
        .body("items.caseNumber", hasItem(n));
    assertFalse(CaseFixture.listed(() -> Api.api(SUP), "riskLevel=LOW", n));
    assertFalse(CaseFixture.listed(() -> Api.api(SUP), "assignee=caseworker2.north", n));
  }

  @Test
  void aConsentIsWithdrawnNotDeletedAndOnlyOnce() {
    String n = newCase("MEDIUM");
    Api.api(CW)
        .body("{\"type\":\"DATA_SHARING\",\"howObtained\":\"WRITTEN\",\"givenOn\":\"2026-01-05\"}")
        .post("/cases/" + n + "/consents")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("recipient"));
    Api.api(CW)
        .body(
            "{\"type\":\"SERVICES\",\"howObtained\":\"VERBAL\",\"givenOn\":\""
                + LocalDate.now().plusDays(3)
                + "\"}")
        .post("/cases/" + n + "/consents")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("givenOn"));
    int id =
        Api.api(CW)
            .body(
                "{\"type\":\"DATA_SHARING\",\"recipient\":\"Shelter Hope\","
                    + "\"purpose\":\"Safe accommodation\",\"howObtained\":\"WRITTEN\","
                    + "\"givenOn\":\"2026-01-05\"}")
            .post("/cases/" + n + "/consents")
            .then()
            .statusCode(201)
            .body("active", equalTo(true))
            .body("recipient", equalTo("Shelter Hope"))
            .body("recordedBy", equalTo("caseworker.north"))
            .extract()
            .path("id");
    Api.api(CW)
        .body("{\"withdrawnOn\":\"2026-01-04\"}")
        .post("/cases/" + n + "/consents/" + id + "/withdrawal")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("withdrawnOn"));
    Api.api(SUP)
        .body("{}")
        .post("/cases/" + n + "/consents/" + id + "/withdrawal")
        .then()
        .statusCode(200)
        .body("active", equalTo(false))
        .body("withdrawnOn", equalTo(LocalDate.now().toString()))
        .body("withdrawalRecordedBy", equalTo("supervisor.north"));
    Api.api(CW)
        .body("{}")
        .post("/cases/" + n + "/consents/" + id + "/withdrawal")
        .then()
        .statusCode(409)
        .body("detail", containsString("already withdrawn"));
    List<Map<String, Object>> all =
        Api.api(CW).get("/cases/" + n + "/consents").then().statusCode(200).extract().path("");
    assertEquals(1, all.size());
    assertEquals("Safe accommodation", all.get(0).get("purpose"));
    assertEquals(false, all.get(0).get("active"));
    // Another case's consent id is not a part of this case.
    String other = newCase("LOW");
    Api.api(CW)
        .body("{}")
        .post("/cases/" + other + "/consents/" + id + "/withdrawal")
        .then()
        .statusCode(404);
  }

  @Test
  void theAssessmentAndPlanHoldGoalsActionsResponsiblesAndDueDates() {
    String n = newCase("MEDIUM");
    int version = Api.api(CW).get("/cases/" + n).path("version");
    Api.api(CW)
        .body("{\"text\":\"Needs a safe place and legal advice.\",\"version\":" + version + "}")
        .put("/cases/" + n + "/plan/assessment")
        .then()
        .statusCode(200)
        .body("assessment", equalTo("Needs a safe place and legal advice."))
        .body("assessedBy", equalTo("caseworker.north"));
    Response added =
        Api.api(CW)
            .body("{\"text\":\"Safe housing within a month.\"}")
            .post("/cases/" + n + "/plan/goals");
    added.then().statusCode(201).body("status", equalTo("OPEN"));
    int goal = added.path("id");
    int goalVersion = added.path("version");
    Api.api(CW)
        .body("{\"text\":\"Visit.\",\"responsible\":\"caseworker.south\"}")
        .post("/cases/" + n + "/plan/goals/" + goal + "/actions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("responsible"));
    int action =
        Api.api(CW)
            .body(
                "{\"text\":\"Visit the shelter with her.\",\"responsible\":\"caseworker.north\","
                    + "\"dueOn\":\""
                    + LocalDate.now().minusDays(1)
                    + "\"}")
            .post("/cases/" + n + "/plan/goals/" + goal + "/actions")
            .then()
            .statusCode(201)
            .body("overdue", equalTo(true))
            .body("responsible", equalTo("caseworker.north"))
            .extract()
            .path("id");
    Api.api(CW)
        .body("{\"done\":true}")
        .put("/cases/" + n + "/plan/actions/" + action)
        .then()
        .statusCode(200)
        .body("done", equalTo(true))
        .body("overdue", equalTo(false));
    Api.api(SUP)
        .body("{\"status\":\"ACHIEVED\",\"version\":" + goalVersion + "}")
        .put("/cases/" + n + "/plan/goals/" + goal)
        .then()
        .statusCode(200)
        .body("status", equalTo("ACHIEVED"));
    Api.api(SUP)
        .body("{\"status\":\"DROPPED\",\"version\":" + goalVersion + "}")
        .put("/cases/" + n + "/plan/goals/" + goal)
        .then()
        .statusCode(409);
    Api.api(CW)
        .get("/cases/" + n + "/plan")
        .then()
        .statusCode(200)
        .body("goals[0].text", equalTo("Safe housing within a month."))
        .body("goals[0].status", equalTo("ACHIEVED"))
        .body("goals[0].actions[0].text", equalTo("Visit the shelter with her."))
        .body("goals[0].actions[0].done", equalTo(true));
  }

  @Test
  void anErasureTakesEveryTextWrittenAboutTheSurvivor() {
    String n = newCase("LOW");
    Api.api(CW)
        .body(
            "{\"type\":\"DATA_SHARING\",\"recipient\":\"Clinic\",\"purpose\":\"Care\","
                + "\"howObtained\":\"WRITTEN\",\"givenOn\":\"2026-01-05\"}")
        .post("/cases/" + n + "/consents")
        .then()
        .statusCode(201);
    Api.api(CW)
        .body("{\"text\":\"Assessment text.\"}")
        .put("/cases/" + n + "/plan/assessment")
        .then()
        .statusCode(200);
    Api.api(CW)
        .body("{\"text\":\"A goal.\"}")
        .post("/cases/" + n + "/plan/goals")
        .then()
        .statusCode(201);
    Api.api(CW)
        .body("{\"title\":\"Call her sister.\",\"dueOn\":\"2030-01-01\"}")
        .post("/cases/" + n + "/tasks")
        .then()
        .statusCode(201);
    Api.api(SUP)
        .body("{\"reason\":\"SURVIVOR_REQUEST\"}")
        .post("/cases/" + n + "/erasure")
        .then()
        .statusCode(200);
    Api.api(SUP)
        .get("/cases/" + n + "/consents")
        .then()
        .body("[0].recipient", nullValue())
        .body("[0].type", equalTo("DATA_SHARING"));
    Api.api(SUP)
        .get("/cases/" + n + "/plan")
        .then()
        .body("assessment", nullValue())
        .body("goals[0].text", nullValue());
    List<Map<String, Object>> tasks =
        Api.api(SUP).get("/cases/" + n + "/tasks").then().extract().path("");
    assertTrue(tasks.stream().noneMatch(t -> t.get("title") != null), tasks.toString());
    assertFalse(tasks.isEmpty());
    Api.api(SUP)
        .body("{\"text\":\"More.\"}")
        .post("/cases/" + n + "/plan/goals")
        .then()
        .statusCode(409);
  }
}
