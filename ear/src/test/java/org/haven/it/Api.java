package org.haven.it;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

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

  /** The API without a token. */
  public static RequestSpecification anonymous() {
    return given()
        .baseUri(HavenDeployment.api().toString())
        .accept("application/json")
        .contentType("application/json");
  }
}
