package org.haven.access.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.haven.access.boundary.Caller;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/** Reads who is calling from the verified Keycloak token, for pages and API alike. */
@WebFilter(urlPatterns = "/*")
public class CallerFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject Caller caller;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
      AccessToken token = principal.getOidcSecurityContext().getToken();
      caller.identify(
          token.getSubject(), token.getPreferredUsername(), token.getName(), teams(token));
    }
    chain.doFilter(request, response);
  }

  /** The {@code teams} claim; users without a team (administrators) have none. */
  private static List<String> teams(AccessToken token) {
    return token.getClaimValue("teams") == null
        ? List.of()
        : token.getStringListClaimValue("teams");
  }
}
