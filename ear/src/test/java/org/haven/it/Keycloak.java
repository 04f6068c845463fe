package org.haven.it;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The suite's real Keycloak (started by the build on port 8380 with docker/keycloak's realm):
 * access tokens, browser sign-ins and the few admin operations tests need. No token is ever made by
 * hand.
 */
public final class Keycloak {

  public static final String PASSWORD = "demo";
  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

  private Keycloak() {}

  public static String url() {
    return System.getProperty("it.keycloak.url", "http://localhost:8380");
  }

  public static String realmUrl() {
    return url() + "/realms/haven";
  }

  /** An access token for a demo user, through the public {@code haven-cli} client. */
  public static String accessToken(String username) {
    return given()
        .formParam("grant_type", "password")
        .formParam("client_id", "haven-cli")
        .formParam("username", username)
        .formParam("password", PASSWORD)
        .post(realmUrl() + "/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  private record Issued(String token, java.time.Instant at) {}

  private static final Map<DemoStaff, Issued> ISSUED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A token for a demo user, reused for a minute (Keycloak's live five): for tests that make many
   * calls, so that hundreds of requests need not mean hundreds of sign-ins. Tests about what a new
   * token says (roles, teams) take {@link #accessToken} instead.
   */
  public static String cachedToken(DemoStaff user) {
    java.time.Instant now = java.time.Instant.now();
    return ISSUED
        .compute(
            user,
            (u, t) ->
                t != null && t.at().isAfter(now.minusSeconds(60))
                    ? t
                    : new Issued(accessToken(u.username), now))
        .token();
  }

  /** A genuine token of Keycloak's master realm: well signed, but by another issuer. */
  public static String masterRealmToken() {
    return given()
        .formParam("grant_type", "password")
        .formParam("client_id", "admin-cli")
        .formParam("username", "keycloak-admin")
        .formParam("password", bootstrapAdminPassword())
        .post(url() + "/realms/master/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  /**
   * A genuine token that has expired: {@code haven-cli} issues tokens living one second for the
   * moment it takes to get one, then the realm's lifespan is restored.
   */
  public static String expiredAccessToken(String username) throws InterruptedException {
    String admin = masterRealmToken();
    String clients = url() + "/admin/realms/haven/clients";
    String id =
        given()
            .auth()
            .oauth2(admin)
            .queryParam("clientId", "haven-cli")
            .get(clients)
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");
    Map<String, Object> client =
        given()
            .auth()
            .oauth2(admin)
            .get(clients + "/" + id)
            .then()
            .statusCode(200)
            .extract()
            .as(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
    // Keycloak keeps attributes a PUT leaves out, so the old lifespan is put back explicitly:
    // the client's own, or else the realm's.
    Object before = attributes.get("access.token.lifespan");
    if (before == null || before.toString().isBlank()) {
      before =
          given()
              .auth()
              .oauth2(admin)
              .get(url() + "/admin/realms/haven")
              .then()
              .statusCode(200)
              .extract()
              .path("accessTokenLifespan")
              .toString();
    }
    attributes.put("access.token.lifespan", "1");
    put(admin, clients + "/" + id, client);
    String token;
    try {
      token = accessToken(username);
    } finally {
      attributes.put("access.token.lifespan", before);
      put(admin, clients + "/" + id, client);
    }
    // Expired once its own "exp" (whole seconds) has passed, with room for clock rounding.
    Instant expiry = Instant.ofEpochSecond(expiryOf(token)).plusMillis(1500);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> Instant.now().isAfter(expiry));
    return token;
  }

  private static void put(String admin, String url, Object body) {
    given()
        .auth()
        .oauth2(admin)
        .contentType("application/json")
        .body(body)
        .put(url)
        .then()
        .statusCode(204);
  }

  /**
   * Signs a demo user in as a browser does (authorization code flow through Keycloak's login form);
   * the returned cookies carry Haven's session.
   */
  public static Browser signIn(String username) {
    Browser browser = new Browser();
    String start = HavenDeployment.httpRoot() + "/haven/cases/list.xhtml";
    Response toKeycloak = page(browser).get(start);
    String loginPage =
        page(browser)
            .get(toKeycloak.then().statusCode(302).extract().header("Location"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Matcher form = LOGIN_FORM.matcher(loginPage);
    if (!form.find()) {
      throw new IllegalStateException("no Keycloak login form");
    }
    String back =
        page(browser)
            .formParam("username", username)
            .formParam("password", PASSWORD)
            .formParam("credentialId", "")
            .post(form.group(1).replace("&amp;", "&"))
            .then()
            .statusCode(302)
            .extract()
            .header("Location");
    if (!back.startsWith(HavenDeployment.httpRoot().toString())) {
      throw new IllegalStateException("Keycloak did not sign " + username + " in: " + back);
    }
    page(browser).get(back).then().statusCode(302); // Haven takes the code, opens a session
    return browser;
  }

  /** Requests as a browser sends them: HTML wanted, redirects seen rather than followed. */
  public static io.restassured.specification.RequestSpecification page(Browser browser) {
    // Keycloak's and Haven's redirect URLs come encoded already: send them as they are.
    return given()
        .filter(browser)
        .redirects()
        .follow(false)
        .urlEncodingEnabled(false)
        .accept("text/html");
  }

  private static String bootstrapAdminPassword() {
    try {
      return Files.readString(
              Path.of(
                  System.getProperty("it.keycloak.admin.secret", "target/keycloak-admin.secret")))
          .trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code exp} claim of a JWT, read from its payload (no signature check: our own token). */
  private static long expiryOf(String jwt) {
    String payload =
        new String(
            java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
            java.nio.charset.StandardCharsets.UTF_8);
    java.util.regex.Matcher exp =
        java.util.regex.Pattern.compile("\"exp\"\\s*:\\s*(\\d+)").matcher(payload);
    if (!exp.find()) {
      throw new IllegalStateException("a token without exp");
    }
    return Long.parseLong(exp.group(1));
  }
}
