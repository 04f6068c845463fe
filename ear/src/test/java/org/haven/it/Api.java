package org.haven.it;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/**
 * Haven's REST API as the tests call it, JSON in and out: the one API fixture. A demo user's token
 * is a real Keycloak token, reused while it lives ({@link Keycloak#cachedToken}), so that a test of
 * hundreds of calls is not also a test of hundreds of sign-ins.
 */
public final class Api {

  private Api() {}

  /** The API as a demo user. */
  public static RequestSpecification api(DemoStaff user) {
    return withToken(Keycloak.cachedToken(user));
  }

  /** The API with this bearer token (an expired one, another client's). */
  public static RequestSpecification withToken(String token) {
    return anonymous().auth().oauth2(token);
  }

  /** The user's unread notifications ({@code GET /notifications?unread=true}), newest first. */
  public static List<Map<String, Object>> unreadNotifications(DemoStaff user) {
    return api(user).get("/notifications?unread=true").then().statusCode(200).extract().path("");
  }

  /**
   * The audit events one answer left (by its {@code X-Request-Id}), read by an administrator, the
   * sign-in that a token's first request also writes left aside.
   */
  public static List<Map<String, Object>> auditEventsOf(Response answer) {
    String requestId = answer.header("X-Request-Id");
    if (requestId == null) {
      throw new AssertionError("an answer without X-Request-Id");
    }
    List<Map<String, Object>> recent =
        api(DemoStaff.ADMIN)
            .get("/audit/events?size=100")
            .then()
            .statusCode(200)
            .extract()
            .path("items");
    return recent.stream()
        .filter(e -> requestId.equals(e.get("requestId")))
        .filter(e -> !"SIGN_IN".equals(e.get("action")))
        .toList();
  }

  /** The API without a token. */
  public static RequestSpecification anonymous() {
    return given()
        .baseUri(HavenDeployment.api().toString())
        .accept("application/json")
        .contentType("application/json");
  }
}
