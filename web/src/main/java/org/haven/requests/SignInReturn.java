package org.haven.requests;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Shared links survive sign-in. WildFly's OIDC client sends Keycloak the page's address without its
 * query as the way back ({@code OidcRequestAuthenticator.rewrittenRedirectUri} keeps scheme, host
 * and path), so a signed-out colleague opening {@code cases/case.xhtml?n=HVN-…} came back to a page
 * without its case. Around the security handler, before anything is sent, this notes the address
 * with its query in a short-lived cookie whenever the answer is a sign-in redirect (a 302 to the
 * provider's authorization endpoint); {@link SignInReturnFilter}, once signed in, takes the user
 * there. Only an address on the same path can be returned to, so nothing can redirect elsewhere.
 */
public class SignInReturn implements ServletExtension {

  static final String COOKIE = "haven-return";
  static final int MAX_AGE_SECONDS = 600;

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    String cookiePath = deployment.getContextPath() + "/";
    deployment.addSecurityWrapper(
        next ->
            exchange -> {
              if (Methods.GET.equals(exchange.getRequestMethod())
                  && !exchange.getQueryString().isEmpty()) {
                exchange.addResponseCommitListener(sent -> remember(sent, cookiePath));
              }
              next.handleRequest(exchange);
            });
  }

  private static void remember(HttpServerExchange exchange, String cookiePath) {
    String location = exchange.getResponseHeaders().getFirst(Headers.LOCATION);
    if (exchange.getStatusCode() != 302 || !isSignInRedirect(location)) {
      return;
    }
    String path = URI.create(exchange.getRequestURI()).getRawPath();
    String target = path + "?" + exchange.getQueryString();
    // A header, not setResponseCookie: cookies are flattened into headers before this listener.
    exchange
        .getResponseHeaders()
        .add(
            Headers.SET_COOKIE,
            COOKIE
                + "="
                + URLEncoder.encode(target, StandardCharsets.UTF_8)
                + "; Path="
                + cookiePath
                + "; Max-Age="
                + MAX_AGE_SECONDS
                + "; HttpOnly; SameSite=Lax"
                + ("https".equals(exchange.getRequestScheme()) ? "; Secure" : ""));
  }

  /** An OIDC authorization request: what the client sends a signed-out browser to. */
  static boolean isSignInRedirect(String location) {
    return location != null
        && location.contains("response_type=code")
        && location.contains("redirect_uri=");
  }
}
