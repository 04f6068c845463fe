package org.haven.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haven.it.Keycloak;
import org.junit.jupiter.api.Test;

/**
 * The two Keycloak realms (docs/security/keycloak.md): the production realm that Docker Compose
 * imports has no users, strict passwords, a second factor for everyone, no password grant, no
 * offline tokens and an audience Haven checks; the demo realm that the run command and the tests
 * import differs from it only by what the demo needs (its users, the password grant), so that what
 * the tests prove holds for production too. Keycloak itself accepts the production realm.
 */
class RealmFilesIT {

  static final ObjectMapper JSON = new ObjectMapper();

  static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("docker")) ? here : here.getParent();
  }

  static ObjectNode production() throws IOException {
    return (ObjectNode) JSON.readTree(root().resolve("docker/keycloak/haven-realm.json").toFile());
  }

  static ObjectNode demo() throws IOException {
    return (ObjectNode)
        JSON.readTree(root().resolve("ear/src/run/keycloak/haven-demo-realm.json").toFile());
  }

  static JsonNode client(JsonNode realm, String id) {
    for (JsonNode c : realm.get("clients")) {
      if (id.equals(c.get("clientId").asText())) {
        return c;
      }
    }
    throw new AssertionError("no client " + id);
  }

  @Test
  void theProductionRealmHasNoUsersAndStrictPasswords() throws IOException {
    JsonNode realm = production();
    for (JsonNode user : realm.path("users")) {
      assertTrue(
          user.has("serviceAccountClientId"),
          "a user in the production realm: " + user.get("username"));
      assertFalse(user.has("credentials"), "a credential in the production realm");
    }
    String policy = realm.get("passwordPolicy").asText();
    assertTrue(policy.contains("length(12)"), policy);
    assertTrue(policy.contains("notUsername"), policy);
    assertTrue(policy.contains("passwordHistory("), policy);
    assertTrue(realm.get("bruteForceProtected").asBoolean());
    assertTrue(realm.get("eventsEnabled").asBoolean(), "login events");
    assertTrue(realm.get("adminEventsEnabled").asBoolean(), "admin events");
    assertFalse(realm.toString().contains("\"demo\""), "a demo password in the production realm");
  }

  @Test
  void noClientOffersPasswordGrantsOrOfflineTokensAndHavensTokensNameHaven() throws IOException {
    for (JsonNode realm : List.of(production(), demo())) {
      for (String id : List.of("haven-web", "haven-cli")) {
        JsonNode c = client(realm, id);
        List<String> audiences = new ArrayList<>();
        for (JsonNode m : c.path("protocolMappers")) {
          if ("oidc-audience-mapper".equals(m.path("protocolMapper").asText())) {
            audiences.add(m.path("config").path("included.client.audience").asText());
          }
        }
        assertEquals(List.of("haven-web"), audiences, id + ": the audience Haven verifies");
      }
      for (JsonNode c : realm.get("clients")) {
        assertTrue(
            c.has("optionalClientScopes"), c.get("clientId") + " takes the realm's defaults");
        for (JsonNode scope : c.get("optionalClientScopes")) {
          assertFalse("offline_access".equals(scope.asText()), c.get("clientId") + " offline");
        }
        for (JsonNode scope : c.path("defaultClientScopes")) {
          assertFalse("offline_access".equals(scope.asText()), c.get("clientId") + " offline");
        }
      }
    }
    for (JsonNode c : production().get("clients")) {
      assertFalse(
          c.path("directAccessGrantsEnabled").asBoolean(false),
          c.get("clientId") + " takes passwords in production");
    }
  }

  @Test
  void everyoneGivesASecondFactorInProduction() throws IOException {
    JsonNode realm = production();
    String browser = realm.get("browserFlow").asText();
    List<String> required = new ArrayList<>();
    collectRequired(realm, browser, required);
    assertTrue(required.contains("auth-username-password-form"), required.toString());
    assertTrue(required.contains("auth-otp-form"), "a second factor on every sign-in: " + required);
    boolean totpAtFirstSignIn = false;
    for (JsonNode action : realm.path("requiredActions")) {
      totpAtFirstSignIn |=
          "CONFIGURE_TOTP".equals(action.path("alias").asText())
              && action.path("defaultAction").asBoolean();
    }
    assertTrue(totpAtFirstSignIn, "new accounts set up their one-time codes at first sign-in");
  }

  /**
   * The authenticators every sign-in passes: the REQUIRED steps, through the sub-flows. (An
   * ALTERNATIVE second factor would fail the sign-in of a user who has none set up yet, rather than
   * ask them to set one up: only a REQUIRED one is a second factor for everyone.) The browser flow
   * itself starts with the ALTERNATIVE of an existing session or the forms.
   */
  static void collectRequired(JsonNode realm, String alias, List<String> into) {
    for (JsonNode flow : realm.get("authenticationFlows")) {
      if (!alias.equals(flow.get("alias").asText())) {
        continue;
      }
      for (JsonNode e : flow.get("authenticationExecutions")) {
        String requirement = e.path("requirement").asText();
        boolean formsOfTheBrowserFlow =
            requirement.equals("ALTERNATIVE") && e.path("authenticatorFlow").asBoolean();
        if (!requirement.equals("REQUIRED") && !formsOfTheBrowserFlow) {
          continue;
        }
        if (e.path("authenticatorFlow").asBoolean()) {
          collectRequired(realm, e.get("flowAlias").asText(), into);
        } else {
          into.add(e.get("authenticator").asText());
        }
      }
    }
  }

  @Test
  void theDemoRealmDiffersOnlyByWhatTheDemoNeeds() throws IOException {
    ObjectNode production = production();
    ObjectNode demo = demo();
    for (ObjectNode realm : List.of(production, demo)) {
      for (String demoOnly :
          List.of(
              "users",
              "displayName",
              "passwordPolicy",
              "authenticationFlows",
              "authenticatorConfig",
              "requiredActions")) {
        realm.remove(demoOnly);
      }
      for (JsonNode c : (ArrayNode) realm.get("clients")) {
        if ("haven-cli".equals(c.get("clientId").asText())) {
          // The demo signs in with passwords (the tests, the benchmark); production by device.
          ((ObjectNode) c).remove(List.of("directAccessGrantsEnabled", "name", "attributes"));
        }
      }
    }
    assertEquals(production, demo);
  }

  /**
   * The realm as Keycloak's import reads it: each {@code ${NAME:default}} replaced by its default,
   * each {@code ${NAME}} by a stand-in (Keycloak fills them from its environment).
   */
  static String placeholdersFilled(String json) {
    return java.util.regex.Pattern.compile("\\$\\{([A-Z_]+)(?::([^}]*))?\\}")
        .matcher(json)
        .replaceAll(
            m ->
                java.util.regex.Matcher.quoteReplacement(
                    m.group(2) != null ? m.group(2) : "stand-in-for-" + m.group(1)));
  }

  /**
   * The first administrator, made as docs/security/keycloak.md says: a short password or the user
   * name is refused, and signing in with a good one leads to setting up the one-time code, not into
   * Haven.
   */
  static void firstAdministratorMustSetUpASecondFactor(String admin, String realm) {
    String users = Keycloak.url() + "/admin/realms/" + realm + "/users";
    String location =
        given()
            .auth()
            .oauth2(admin)
            .contentType("application/json")
            .body(
                "{\"username\":\"first.admin\",\"enabled\":true,\"email\":\"first@example.org\","
                    + "\"emailVerified\":true,\"firstName\":\"First\",\"lastName\":\"Admin\"}")
            .post(users)
            .then()
            .statusCode(201)
            .extract()
            .header("Location");
    String id = location.substring(location.lastIndexOf('/') + 1);
    String resetPassword = users + "/" + id + "/reset-password";
    String password = "correct horse battery staple";
    // Too short, then the user name: the policy refuses both; a long passphrase passes.
    for (String tried : List.of("short-pw", "first.admin", password)) {
      given()
          .auth()
          .oauth2(admin)
          .contentType("application/json")
          .body("{\"type\":\"password\",\"temporary\":false,\"value\":\"" + tried + "\"}")
          .put(resetPassword)
          .then()
          .statusCode(tried.equals(password) ? 204 : 400);
    }

    // PKCE, as the realm asks of haven-web; only the challenge's shape matters here.
    String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    Response form =
        given()
            .redirects()
            .follow(false)
            .queryParam("client_id", "haven-web")
            .queryParam("code_challenge", challenge)
            .queryParam("code_challenge_method", "S256")
            .queryParam("response_type", "code")
            .queryParam("scope", "openid")
            .queryParam("redirect_uri", "http://localhost:8080/haven/")
            .get(Keycloak.url() + "/realms/" + realm + "/protocol/openid-connect/auth");
    assertEquals(200, form.statusCode(), form.asString());
    String page = form.asString();
    Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page);
    assertTrue(action.find(), "no sign-in form: " + page);
    // By hand: Keycloak's cookies are Secure, which a client over plain HTTP would not send back.
    Response signedIn =
        given()
            .cookies(form.getCookies())
            .redirects()
            .follow(false)
            .contentType("application/x-www-form-urlencoded")
            .formParam("username", "first.admin")
            .formParam("password", password)
            .post(action.group(1).replace("&amp;", "&"));
    String next = signedIn.header("Location");
    assertFalse(
        next != null && next.startsWith("http://localhost:8080/haven/"),
        "signed into Haven without a second factor: " + next);
    assertEquals(302, signedIn.statusCode(), signedIn.asString());
    assertTrue(next.contains("required-action"), "not sent to a required action: " + next);
    java.util.Map<String, String> session = new java.util.HashMap<>(form.getCookies());
    session.putAll(signedIn.getCookies());
    String setUp =
        given()
            .cookies(session)
            .redirects()
            .follow(false)
            .get(next)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        setUp.contains("kc-totp-settings"),
        "not the page that sets up the one-time code: " + setUp);
  }

  /** Keycloak takes the production realm as it is (imported here under another name). */
  @Test
  void keycloakAcceptsTheProductionRealm() throws IOException {
    ObjectNode realm = production();
    String name = "haven-production-check-" + System.nanoTime();
    realm.put("realm", name);
    // Ids are Keycloak-wide: the copy takes new ones, not those of the realm the tests run on.
    for (JsonNode user : realm.path("users")) {
      ((ObjectNode) user).remove("id");
    }
    String admin = Keycloak.masterRealmToken();
    given()
        .auth()
        .oauth2(admin)
        .contentType("application/json")
        .body(placeholdersFilled(JSON.writeValueAsString(realm)))
        .post(Keycloak.url() + "/admin/realms")
        .then()
        .statusCode(201);
    try {
      JsonNode imported =
          JSON.readTree(
              given()
                  .auth()
                  .oauth2(admin)
                  .get(Keycloak.url() + "/admin/realms/" + name)
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString());
      assertEquals(realm.get("passwordPolicy").asText(), imported.get("passwordPolicy").asText());
      assertEquals(name, imported.get("realm").asText());
      assertTrue(imported.get("bruteForceProtected").asBoolean());
      assertEquals(
          0,
          given()
              .auth()
              .oauth2(admin)
              .get(Keycloak.url() + "/admin/realms/" + name + "/users?briefRepresentation=true")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("findAll { !it.username.startsWith('service-account-') }")
              .size());
      firstAdministratorMustSetUpASecondFactor(admin, name);
    } finally {
      given().auth().oauth2(admin).delete(Keycloak.url() + "/admin/realms/" + name);
    }
  }
}
