package org.haven.cases;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.haven.it.Api;
import org.haven.it.CaseFixture;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Record-level access over REST, with real tokens: a case outside the caller's scope answers
 * exactly as a case that does not exist (404), for every verb, and never shows up in a list.
 */
@ExtendWith(ArquillianExtension.class)
class CaseAccessIT {

  static final String MISSING = "HVN-1999-000000";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static RequestSpecification as(DemoStaff user) {
    return Api.api(user);
  }

  static String register(DemoStaff user) {
    return as(user)
        .body("{\"riskLevel\":\"HIGH\"}")
        .post("/cases")
        .then()
        .statusCode(201)
        .extract()
        .path("caseNumber");
  }

  @BeforeAll
  static void everyoneHasSignedInOnce() {
    // Haven knows its staff from their first request, as after a first sign-in.
    for (DemoStaff user : DemoStaff.values()) {
      as(user).get("/cases");
    }
  }

  /** The 404 body of an out-of-scope case, minus the path, equals that of a missing one. */
  static void assertLooksMissing(Response outOfScope, Response missing) {
    assertEquals(404, outOfScope.statusCode(), outOfScope.asString());
    assertEquals(404, missing.statusCode());
    Map<String, Object> a = JsonPath.from(outOfScope.asString()).getMap("");
    Map<String, Object> b = JsonPath.from(missing.asString()).getMap("");
    a.remove("instance");
    b.remove("instance");
    assertEquals(b, a);
  }

  @Test
  void anotherTeamsCaseDoesNotExistForYou() {
    String north = register(DemoStaff.CASEWORKER_NORTH);
    for (DemoStaff outsider : List.of(DemoStaff.CASEWORKER_SOUTH, DemoStaff.SUPERVISOR_SOUTH)) {
      assertLooksMissing(
          as(outsider).get("/cases/" + north), as(outsider).get("/cases/" + MISSING));
      assertFalse(CaseFixture.listed(() -> as(outsider), "", north), outsider + " lists it");
    }
    assertLooksMissing(
        as(DemoStaff.SUPERVISOR_SOUTH)
            .body("{\"caseworker\":\"caseworker.south\"}")
            .put("/cases/" + north + "/assignee"),
        as(DemoStaff.SUPERVISOR_SOUTH)
            .body("{\"caseworker\":\"caseworker.south\"}")
            .put("/cases/" + MISSING + "/assignee"));
  }

  @Test
  void aColleaguesCaseDoesNotExistForACaseworker() {
    String mine = register(DemoStaff.CASEWORKER_NORTH);
    assertLooksMissing(
        as(DemoStaff.CASEWORKER2_NORTH).get("/cases/" + mine),
        as(DemoStaff.CASEWORKER2_NORTH).get("/cases/" + MISSING));
    assertFalse(CaseFixture.listed(() -> as(DemoStaff.CASEWORKER2_NORTH), "", mine));
    as(DemoStaff.CASEWORKER_NORTH)
        .get("/cases/" + mine)
        .then()
        .statusCode(200)
        .body("owningTeam", equalTo("north"))
        .body("assignee.username", equalTo("caseworker.north"))
        .body("assignee.displayName", equalTo("Nadia Haddad"));
  }

  @Test
  void aSupervisorSeesEveryCaseOfTheTeamAndNoOther() {
    String first = register(DemoStaff.CASEWORKER_NORTH);
    String second = register(DemoStaff.CASEWORKER2_NORTH);
    String south = register(DemoStaff.CASEWORKER_SOUTH);
    List<String> listed =
        as(DemoStaff.SUPERVISOR_NORTH)
            .queryParam("size", 100)
            .queryParam("sort", "-createdAt")
            .get("/cases")
            .then()
            .statusCode(200)
            .extract()
            .path("items.caseNumber");
    List<String> teams =
        as(DemoStaff.SUPERVISOR_NORTH)
            .queryParam("size", 100)
            .get("/cases")
            .path("items.owningTeam");
    assertEquals(List.of("north"), teams.stream().distinct().toList());
    assertEquals(true, listed.contains(first) && listed.contains(second));
    assertEquals(false, listed.contains(south));
  }

  @Test
  void aSupervisorReassignsAndAccessFollows() {
    String c = register(DemoStaff.CASEWORKER_NORTH);
    as(DemoStaff.SUPERVISOR_NORTH)
        .body("{\"caseworker\":\"caseworker2.north\"}")
        .put("/cases/" + c + "/assignee")
        .then()
        .statusCode(200)
        .body("assignee.username", equalTo("caseworker2.north"));
    as(DemoStaff.CASEWORKER2_NORTH).get("/cases/" + c).then().statusCode(200);
    as(DemoStaff.CASEWORKER_NORTH).get("/cases/" + c).then().statusCode(404);
  }

  @Test
  void onlySupervisorsReassignAndOnlyWithinTheTeam() {
    String c = register(DemoStaff.CASEWORKER_NORTH);
    as(DemoStaff.CASEWORKER_NORTH)
        .body("{\"caseworker\":\"caseworker2.north\"}")
        .put("/cases/" + c + "/assignee")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    as(DemoStaff.SUPERVISOR_NORTH)
        .body("{\"caseworker\":\"caseworker.south\"}")
        .put("/cases/" + c + "/assignee")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("caseworker"));
    as(DemoStaff.SUPERVISOR_NORTH)
        .body("{}")
        .put("/cases/" + c + "/assignee")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("caseworker"));
    as(DemoStaff.ADMIN)
        .body("{\"caseworker\":\"caseworker2.north\"}")
        .put("/cases/" + c + "/assignee")
        .then()
        .statusCode(403);
  }

  @Test
  void whoANewCaseGoesTo() {
    as(DemoStaff.SUPERVISOR_NORTH)
        .body("{\"riskLevel\":\"LOW\",\"assignee\":\"caseworker2.north\"}")
        .post("/cases")
        .then()
        .statusCode(201)
        .body("owningTeam", equalTo("north"))
        .body("assignee.username", equalTo("caseworker2.north"));
    as(DemoStaff.SUPERVISOR_SOUTH)
        .body("{\"riskLevel\":\"LOW\",\"assignee\":\"caseworker2.north\"}")
        .post("/cases")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("assignee"));
    as(DemoStaff.CASEWORKER_NORTH)
        .body("{\"riskLevel\":\"LOW\",\"assignee\":\"caseworker2.north\"}")
        .post("/cases")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("assignee"));
  }
}
