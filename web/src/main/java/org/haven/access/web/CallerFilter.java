package org.haven.access.web;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.Caller;
import org.haven.access.boundary.Staff;
import org.haven.access.entity.StaffMember;
import org.haven.api.Problem;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/** Reads who is calling from the verified Keycloak token, for pages and API alike. */
@WebFilter(urlPatterns = "/*")
public class CallerFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject Caller caller;
  @Inject Staff staff;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
      AccessToken token = principal.getOidcSecurityContext().getToken();
      caller.identify(
          token.getSubject(), token.getPreferredUsername(), token.getName(), teams(token));
      if (provision(request).isDisabled()) {
        refuse(request, response);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * Provisions the user into Haven on their first request and keeps their record current. Two first
   * requests at once race for the same row; the loser finds the winner's on its retry.
   */
  private StaffMember provision(HttpServletRequest request) {
    boolean caseworker = request.isUserInRole(AccessPolicy.CASEWORKER);
    boolean supervisor = request.isUserInRole(AccessPolicy.SUPERVISOR);
    try {
      return staff.signedIn(caller, caseworker, supervisor);
    } catch (EJBException firstSignInRace) {
      return staff.signedIn(caller, caseworker, supervisor);
    }
  }

  /**
   * A user an administrator disabled is refused on their next request, though Keycloak's tokens
   * they hold may still be valid for a few minutes.
   */
  private static void refuse(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getSession(false) != null) {
      request.getSession(false).invalidate();
    }
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      Problem problem =
          new Problem("about:blank", "Forbidden", 403, "This account is disabled.", null, null)
              .at(request.getRequestURI());
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      JSON.toJson(problem, response.getWriter());
    } else {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  /** The {@code teams} claim; users without a team (administrators) have none. */
  private static List<String> teams(AccessToken token) {
    return token.getClaimValue("teams") == null
        ? List.of()
        : token.getStringListClaimValue("teams");
  }
}
