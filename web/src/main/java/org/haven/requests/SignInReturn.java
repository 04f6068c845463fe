package org.haven.requests;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Shared links survive sign-in. WildFly's OIDC client sends Keycloak the page's address without its
 * query as the way back ({@code OidcRequestAuthenticator.rewrittenRedirectUri} keeps scheme, host
 * and path), so a signed-out colleague opening {@code cases/case.xhtml?n=HVN-…} came back to a page
 * without its case. Around the security handler, before anything is sent, this notes the address in
 * a short-lived cookie whenever the answer is a sign-in redirect (a 302 to the provider's
 * authorization endpoint); {@link SignInReturnFilter}, once signed in, takes the user there.
 *
 * <p>Only a page's own parameters are noted (a case number, a tab), never a search; only the same
 * path can be returned to, so nothing redirects elsewhere. In production the cookie is a {@code
 * __Host-} cookie (Secure, the whole host, no Domain), which no other host or plain-HTTP page can
 * set or shadow; demo mode, on plain HTTP, uses an ordinary one.
 */
public class SignInReturn implements ServletExtension {

  private static final Logger LOG = Logger.getLogger(SignInReturn.class.getName());

  static final int MAX_AGE_SECONDS = 600;

  /** What a shared link carries: the case page's {@code n} and {@code tab}, short and plain. */
  static final Pattern LINK_QUERY =
      Pattern.compile("(?:n|tab)=[A-Za-z0-9-]{1,40}(?:&(?:n|tab)=[A-Za-z0-9-]{1,40})?");

  /** A page path as Haven's links write it: letters, digits, dots and slashes. */
  static final Pattern PAGE_PATH = Pattern.compile("(?:/[A-Za-z0-9._-]+)+");

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    Cookie cookie = Cookie.forThisMode(deployment.getContextPath());
    deployment.addSecurityWrapper(
        next ->
            exchange -> {
              if (Methods.GET.equals(exchange.getRequestMethod())
                  && LINK_QUERY.matcher(exchange.getQueryString()).matches()) {
                exchange.addResponseCommitListener(sent -> remember(sent, cookie));
              }
              next.handleRequest(exchange);
            });
  }

  private static void remember(HttpServerExchange exchange, Cookie cookie) {
    try {
      String location = exchange.getResponseHeaders().getFirst(Headers.LOCATION);
      String path = exchange.getRequestPath();
      if (exchange.getStatusCode() != 302
          || !isSignInRedirect(location)
          || !PAGE_PATH.matcher(path).matches()) {
        return;
      }
      // A header, not setResponseCookie: cookies are flattened into headers before this listener.
      exchange
          .getResponseHeaders()
          .add(Headers.SET_COOKIE, cookie.set(path + "?" + exchange.getQueryString()));
    } catch (RuntimeException e) {
      // Never in the way of the sign-in itself: the link then lands without its query.
      LOG.log(Level.FINE, "could not note the address to return to", e);
    }
  }

  /** An OIDC authorization request: what the client sends a signed-out browser to. */
  static boolean isSignInRedirect(String location) {
    return location != null
        && location.contains("response_type=code")
        && location.contains("redirect_uri=");
  }

  /** The note's cookie as this installation writes it. */
  record Cookie(String name, String path, boolean secure) {

    /** Secure like the session cookie ({@link SessionCookies#secure}), and then a __Host- one. */
    static Cookie forThisMode(String contextPath) {
      return SessionCookies.secure()
          ? new Cookie("__Host-haven-return", "/", true)
          : new Cookie("haven-return", contextPath + "/", false);
    }

    /**
     * The Set-Cookie value noting {@code target}, URL-encoded whole: Undertow cuts a cookie's value
     * at an '=' or a '/' it holds.
     */
    String set(String target) {
      return name
          + "="
          + URLEncoder.encode(target, StandardCharsets.UTF_8)
          + attributes(MAX_AGE_SECONDS);
    }

    String clear() {
      return name + "=" + attributes(0);
    }

    private String attributes(int maxAge) {
      return "; Path="
          + path
          + "; Max-Age="
          + maxAge
          + "; HttpOnly; SameSite=Lax"
          + (secure ? "; Secure" : "");
    }

    /** The noted address, if {@code value} is one this class wrote. */
    java.util.Optional<String> target(String value) {
      String target;
      try {
        target = URLDecoder.decode(value, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notOurs) {
        return java.util.Optional.empty();
      }
      int query = target.indexOf('?');
      return query > 0
              && PAGE_PATH.matcher(target.substring(0, query)).matches()
              && LINK_QUERY.matcher(target.substring(query + 1)).matches()
          ? java.util.Optional.of(target)
          : java.util.Optional.empty();
    }
  }
}
