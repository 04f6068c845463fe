package org.haven.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Base64;
import org.haven.it.Api;
import org.haven.it.Browser;
import org.haven.it.HavenDeployment;
import org.haven.it.Keycloak;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API takes Keycloak bearer tokens only: anything else is a 401 with a challenge, never a
 * redirect to a login page; a valid token without a case role is a 403.
 */
@ExtendWith(ArquillianExtension.class)
class ApiAuthenticationIT {

  static final String PROBLEM = "application/problem+json";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  /** Without a token, and without following Keycloak's redirects: what the API answers itself. */
  static RequestSpecification api() {
    return Api.anonymous().redirects().follow(false);
  }

  static void assertUnauthorized(RequestSpecification request, String challenge) {
    request
        .get("/cases")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith(challenge))
        .contentType(PROBLEM)
        .body("status", equalTo(401));
  }

  @Test
  void noTokenIs401WithABearerChallenge() {
    assertUnauthorized(api(), "Bearer realm=\"haven\"");
    // Even a client that would take an HTML login page gets no redirect.
    assertUnauthorized(api().accept("text/html,*/*"), "Bearer");
  }

  /**
   * A genuine token of Haven's own realm, but issued for another client (Haven's access-management
   * service account): it does not name Haven as its audience, so Haven does not take it.
   */
  @Test
  void aTokenForAnotherClientOfTheRealmIs401() {
    String foreign =
        io.restassured.RestAssured.given()
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", "haven-admin")
            .formParam("client_secret", System.getProperty("it.admin.client.secret"))
            .post(Keycloak.realmUrl() + "/protocol/openid-connect/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    assertUnauthorized(api().auth().oauth2(foreign), "Bearer realm=\"haven\"");
    // Haven's own tokens name it.
    String own = Keycloak.accessToken("caseworker.north");
    String payload = new String(Base64.getUrlDecoder().decode(own.split("\\.")[1]));
    org.junit.jupiter.api.Assertions.assertTrue(payload.contains("\"haven-web\""), payload);
  }

  @Test
  void aMalformedTokenIs401() {
    assertUnauthorized(
        api().auth().oauth2("not-a-token"), "Bearer realm=\"haven\", error=\"invalid_token\"");
  }

  @Test
  void aTamperedTokenIs401() {
    String token = Keycloak.accessToken("caseworker.north");
    String[] parts = token.split("\\.");
    // Claim another team in the payload and keep Keycloak's signature: the signature no longer
    // fits.
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"north\"", "\"south\"");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
            + "."
            + parts[2];
    assertUnauthorized(
        api().auth().oauth2(forged), "Bearer realm=\"haven\", error=\"invalid_token\"");
    // A flipped bit in the signature itself.
    char last = parts[2].charAt(parts[2].length() - 2);
    String flipped =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.substring(token.length() - 1);
    assertUnauthorized(
        api().auth().oauth2(flipped), "Bearer realm=\"haven\", error=\"invalid_token\"");
  }

  @Test
  void aTokenOfAnotherIssuerIs401() {
    assertUnauthorized(
        api().auth().oauth2(Keycloak.masterRealmToken()),
        "Bearer realm=\"haven\", error=\"invalid_token\"");
  }

  @Test
  void anExpiredTokenIs401() throws InterruptedException {
    assertUnauthorized(
        api().auth().oauth2(Keycloak.expiredAccessToken("caseworker.north")),
        "Bearer realm=\"haven\", error=\"invalid_token\"");
  }

  @Test
  void otherCredentialsAre401() {
    assertUnauthorized(api().auth().preemptive().basic("caseworker.north", "demo"), "Bearer");
    // A signed-in browser session does not open the API.
    Browser browser = Keycloak.signIn("caseworker.north");
    assertUnauthorized(api().filter(browser), "Bearer");
  }

  @Test
  void caseworkersAndSupervisorsReachCaseEndpoints() {
    for (String user : new String[] {"caseworker.north", "supervisor.south"}) {
      api().auth().oauth2(Keycloak.accessToken(user)).get("/cases").then().statusCode(200);
    }
  }

  @Test
  void anAdministratorGets403OnEveryCaseEndpoint() {
    String admin = Keycloak.accessToken("admin");
    api().auth().oauth2(admin).get("/cases").then().statusCode(403).contentType(PROBLEM);
    api()
        .auth()
        .oauth2(admin)
        .get("/cases/HVN-2026-000001")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    api()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body("{\"riskLevel\":\"LOW\"}")
        .post("/cases")
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("detail", containsString("role"));
  }
}
