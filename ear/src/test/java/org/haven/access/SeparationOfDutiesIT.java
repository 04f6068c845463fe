package org.haven.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.haven.it.Api;
import org.haven.it.CaseFixture;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.it.Keycloak;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Administrators decide who sees survivor data and never see it themselves
 * (docs/security/roles.md): no account holds admin with a case role, nobody changes their own
 * access, an admin token gets no case whatever else it says, and the team's supervisors see every
 * change to their team.
 */
@ExtendWith(ArquillianExtension.class)
class SeparationOfDutiesIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  @Test
  void anAdministratorRoleAndACaseRoleAreKeptApart() {
    Api.api(DemoStaff.ADMIN)
        .put("/admin/users/caseworker.north/roles/admin")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("cannot also hold caseworker or supervisor"));
    Api.api(DemoStaff.ADMIN)
        .get("/admin/users/caseworker.north")
        .then()
        .statusCode(200)
        .body("roles", equalTo(List.of("caseworker")));
    // The attempt is in the trail.
    List<Map<String, Object>> events =
        Api.api(DemoStaff.ADMIN)
            .get("/audit/events?action=ROLE_GRANTED&size=20")
            .then()
            .statusCode(200)
            .extract()
            .path("items");
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    "caseworker.north".equals(e.get("objectId"))
                        && "DENIED".equals(e.get("outcome"))),
        events.toString());
  }

  @Test
  void nobodyChangesTheirOwnAccess() {
    Api.api(DemoStaff.ADMIN).put("/admin/users/admin/roles/supervisor").then().statusCode(403);
    Api.api(DemoStaff.ADMIN).delete("/admin/users/admin/roles/admin").then().statusCode(403);
    Api.api(DemoStaff.ADMIN)
        .body("{\"team\":\"north\"}")
        .put("/admin/users/admin/team")
        .then()
        .statusCode(403);
    Api.api(DemoStaff.ADMIN)
        .body("{\"enabled\":false}")
        .put("/admin/users/admin/enabled")
        .then()
        .statusCode(403);
    Api.api(DemoStaff.ADMIN)
        .get("/admin/users/admin")
        .then()
        .statusCode(200)
        .body("roles", equalTo(List.of("admin")))
        .body("team", equalTo(null))
        .body("enabled", equalTo(true));
  }

  @Test
  void aRoleChangeIsShownToTheTeamsSupervisors() {
    String user = DemoStaff.CASEWORKER2_NORTH.username;
    try {
      Api.api(DemoStaff.ADMIN)
          .put("/admin/users/" + user + "/roles/supervisor")
          .then()
          .statusCode(200);
      List<Map<String, Object>> notices = Api.unreadNotifications(DemoStaff.SUPERVISOR_NORTH);
      assertTrue(
          notices.stream()
              .anyMatch(
                  n ->
                      "ACCESS_CHANGED".equals(n.get("kind"))
                          && String.valueOf(n.get("about")).contains(user)
                          && String.valueOf(n.get("about")).contains("supervisor")),
          notices.toString());
      // Another team's supervisors are not told.
      List<Map<String, Object>> south = Api.unreadNotifications(DemoStaff.SUPERVISOR_SOUTH);
      assertTrue(
          south.stream()
              .noneMatch(
                  n ->
                      "ACCESS_CHANGED".equals(n.get("kind"))
                          && String.valueOf(n.get("about")).contains(user)),
          south.toString());
      // The north supervisor's audit view shows what the administrator did to the team.
      List<Map<String, Object>> seen =
          Api.api(DemoStaff.SUPERVISOR_NORTH)
              .get("/audit/events?action=ROLE_GRANTED&size=50")
              .then()
              .statusCode(200)
              .extract()
              .path("items");
      assertTrue(
          seen.stream()
              .anyMatch(
                  e ->
                      "team".equals(e.get("objectType"))
                          && "north".equals(e.get("objectId"))
                          && "admin".equals(e.get("actorUsername"))
                          && String.valueOf(e.get("details")).contains(user)),
          seen.toString());
    } finally {
      Api.api(DemoStaff.ADMIN).delete("/admin/users/" + user + "/roles/supervisor");
    }
  }

  /**
   * A realm edited by hand (or from before the roles were kept apart) gives the administrator a
   * supervisor's role in a team: Haven still shows them no case of it and no break-glass.
   */
  @Test
  void aTokenWithAdminGetsNoCaseWhateverElseItSays() {
    String number = CaseFixture.newCase();
    String admin = Keycloak.masterRealmToken();
    String realm = Keycloak.url() + "/admin/realms/haven";
    String id =
        given()
            .auth()
            .oauth2(admin)
            .queryParam("username", "admin")
            .queryParam("exact", true)
            .get(realm + "/users")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");
    Map<String, Object> supervisor =
        given()
            .auth()
            .oauth2(admin)
            .get(realm + "/roles/supervisor")
            .then()
            .extract()
            .as(Map.class);
    List<Map<String, Object>> groups =
        given()
            .auth()
            .oauth2(admin)
            .queryParam("search", "north")
            .get(realm + "/groups")
            .then()
            .statusCode(200)
            .extract()
            .path("");
    String north =
        (String)
            groups.stream()
                .filter(g -> "north".equals(g.get("name")))
                .findFirst()
                .orElseThrow()
                .get("id");
    try {
      given()
          .auth()
          .oauth2(admin)
          .contentType("application/json")
          .body(List.of(supervisor))
          .post(realm + "/users/" + id + "/role-mappings/realm")
          .then()
          .statusCode(204);
      given()
          .auth()
          .oauth2(admin)
          .put(realm + "/users/" + id + "/groups/" + north)
          .then()
          .statusCode(204);
      String token = Keycloak.accessToken("admin");
      List<Object> items =
          Api.withToken(token)
              .get("/cases?size=100")
              .then()
              .statusCode(200)
              .extract()
              .path("items");
      assertEquals(List.of(), items, "an admin token saw cases");
      Api.withToken(token).get("/cases/" + number).then().statusCode(404);
      Api.withToken(token)
          .body("{\"purpose\":\"OTHER\",\"explanation\":\"checking the separation of duties\"}")
          .post("/cases/" + number + "/break-glass")
          .then()
          .statusCode(403);
    } finally {
      given()
          .auth()
          .oauth2(admin)
          .contentType("application/json")
          .body(List.of(supervisor))
          .delete(realm + "/users/" + id + "/role-mappings/realm");
      given().auth().oauth2(admin).delete(realm + "/users/" + id + "/groups/" + north);
      // Haven learns the administrator's roles and team from their tokens: show it one without.
      Api.withToken(Keycloak.accessToken("admin")).get("/admin/users").then().statusCode(200);
    }
  }
}
