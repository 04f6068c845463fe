package org.haven.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The API takes Keycloak bearer tokens and nothing else: no token, or one WildFly did not accept
 * (invalid, expired, wrongly signed, another issuer), is a 401 with a {@code WWW-Authenticate}
 * challenge. A browser session does not count, and nobody is ever redirected to a login page.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokens implements ContainerRequestFilter {

  static final String REALM = "haven";

  @Override
  public void filter(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    if (!bearer) {
      request.abortWith(
          unauthorized(
              "Bearer realm=\"" + REALM + "\"",
              "Send a Keycloak access token: Authorization: Bearer <token>."));
    } else if (request.getSecurityContext().getUserPrincipal() == null) {
      request.abortWith(
          unauthorized(
              "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"",
              "The access token is invalid or has expired. Get a new one from Keycloak."));
    }
  }

  private static Response unauthorized(String challenge, String detail) {
    return Response.status(Response.Status.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem("about:blank", "Unauthorized", 401, detail, null, null))
        .build();
  }
}
