package org.haven.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.haven.it.Api;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.it.Keycloak;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Administrators manage access from Haven, through the real Keycloak: changes show in the next
 * token at once, and a disabled user's next request is refused. Every test puts back what it
 * changed.
 */
@ExtendWith(ArquillianExtension.class)
class AccessManagementIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  /** With a fresh token each time: what a role change does shows in the next token. */
  static RequestSpecification as(DemoStaff user) {
    return Api.withToken(Keycloak.accessToken(user.username));
  }

  static JsonPath claims(String token) {
    String payload = token.split("\\.")[1];
    return JsonPath.from(
        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  @Test
  void anAdministratorSeesEveryUserWithRolesAndTeam() {
    as(DemoStaff.ADMIN)
        .get("/admin/users")
        .then()
        .statusCode(200)
        .body("username", hasItems("caseworker.north", "supervisor.south", "admin"))
        .body("username", not(hasItem("service-account-haven-admin")))
        .body("find { it.username == 'caseworker.north' }.roles", equalTo(List.of("caseworker")))
        .body("find { it.username == 'caseworker.north' }.team", equalTo("north"))
        .body("find { it.username == 'caseworker.north' }.displayName", equalTo("Nadia Haddad"))
        .body("find { it.username == 'caseworker.north' }.enabled", equalTo(true));
  }

  @Test
  void onlyAdministratorsManageAccess() {
    for (DemoStaff user : List.of(DemoStaff.CASEWORKER_NORTH, DemoStaff.SUPERVISOR_NORTH)) {
      as(user).get("/admin/users").then().statusCode(403);
      as(user).put("/admin/users/caseworker.north/roles/admin").then().statusCode(403);
    }
    given().baseUri(HavenDeployment.api().toString()).get("/admin/users").then().statusCode(401);
    assertEquals(
        List.of("caseworker"),
        claims(Keycloak.accessToken("caseworker.north")).getList("realm_access.roles"));
  }

  @Test
  void aGrantedRoleIsInTheNextTokenAndARevokedOneIsGone() {
    String user = DemoStaff.CASEWORKER2_NORTH.username;
    try {
      as(DemoStaff.ADMIN)
          .put("/admin/users/" + user + "/roles/supervisor")
          .then()
          .statusCode(200)
          .body("roles", hasItems("caseworker", "supervisor"));
      assertTrue(
          claims(Keycloak.accessToken(user)).getList("realm_access.roles").contains("supervisor"));
      // With the new token, the user works as a supervisor of the team.
      as(DemoStaff.CASEWORKER2_NORTH).get("/cases").then().statusCode(200);

      as(DemoStaff.ADMIN)
          .delete("/admin/users/" + user + "/roles/supervisor")
          .then()
          .statusCode(200)
          .body("roles", equalTo(List.of("caseworker")));
      assertFalse(
          claims(Keycloak.accessToken(user)).getList("realm_access.roles").contains("supervisor"));
      String c =
          as(DemoStaff.CASEWORKER_NORTH)
              .body("{\"riskLevel\":\"LOW\"}")
              .post("/cases")
              .path("caseNumber");
      as(DemoStaff.CASEWORKER2_NORTH)
          .body("{\"caseworker\":\"caseworker2.north\"}")
          .put("/cases/" + c + "/assignee")
          .then()
          .statusCode(403);
    } finally {
      as(DemoStaff.ADMIN).delete("/admin/users/" + user + "/roles/supervisor");
    }
  }

  @Test
  void aUserMovedToAnotherTeamCarriesItInTheNextToken() {
    String user = DemoStaff.CASEWORKER_SOUTH.username;
    try {
      as(DemoStaff.ADMIN)
          .body("{\"team\":\"north\"}")
          .put("/admin/users/" + user + "/team")
          .then()
          .statusCode(200)
          .body("team", equalTo("north"));
      assertEquals(List.of("north"), claims(Keycloak.accessToken(user)).getList("teams"));
      // A case registered now belongs to the new team.
      as(DemoStaff.CASEWORKER_SOUTH)
          .body("{\"riskLevel\":\"LOW\"}")
          .post("/cases")
          .then()
          .statusCode(201)
          .body("owningTeam", equalTo("north"));
    } finally {
      as(DemoStaff.ADMIN).body("{\"team\":\"south\"}").put("/admin/users/" + user + "/team");
    }
    assertEquals(List.of("south"), claims(Keycloak.accessToken(user)).getList("teams"));
  }

  @Test
  void aDisabledUsersNextRequestIsRefused() {
    String user = DemoStaff.CASEWORKER2_NORTH.username;
    String stillValid = Keycloak.accessToken(user);
    try {
      as(DemoStaff.ADMIN)
          .body("{\"enabled\":false}")
          .put("/admin/users/" + user + "/enabled")
          .then()
          .statusCode(200)
          .body("enabled", equalTo(false));
      given()
          .baseUri(HavenDeployment.api().toString())
          .auth()
          .oauth2(stillValid)
          .get("/cases")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
      given()
          .formParam("grant_type", "password")
          .formParam("client_id", "haven-cli")
          .formParam("username", user)
          .formParam("password", Keycloak.PASSWORD)
          .post(Keycloak.realmUrl() + "/protocol/openid-connect/token")
          .then()
          .statusCode(400);
    } finally {
      as(DemoStaff.ADMIN).body("{\"enabled\":true}").put("/admin/users/" + user + "/enabled");
    }
    as(DemoStaff.CASEWORKER2_NORTH).get("/cases").then().statusCode(200);
  }

  @Test
  void badRequestsAreNamed() {
    as(DemoStaff.ADMIN).put("/admin/users/nobody/roles/supervisor").then().statusCode(404);
    as(DemoStaff.ADMIN)
        .put("/admin/users/caseworker.north/roles/root")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("role"));
    as(DemoStaff.ADMIN)
        .body("{\"team\":\"east\"}")
        .put("/admin/users/caseworker.north/team")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("team"));
    as(DemoStaff.ADMIN)
        .body("{}")
        .put("/admin/users/caseworker.north/enabled")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("enabled"));
    as(DemoStaff.ADMIN)
        .get("/admin/users/caseworker.north")
        .then()
        .statusCode(200)
        .body("roles", equalTo(List.of("caseworker")))
        .body("team", equalTo("north"));
  }
}
