package org.haven.requests;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.haven.access.boundary.Caller;
import org.haven.access.boundary.Staff;
import org.haven.access.web.SignedInUser;
import org.haven.api.MatchedPath;
import org.haven.api.Problem;
import org.haven.audit.boundary.AnonymousRefusals;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Reads who is calling from the verified Keycloak token, for pages and API alike, gives every
 * request an id ({@code X-Request-Id}), and writes to the audit trail what happens at the door: the
 * first request of a session (sign-in) and every refusal (401, 403), whichever layer refused.
 */
@WebFilter(
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class CallerFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Jsonb JSON = JsonbBuilder.create();

  private static final String SIGNED_IN = "haven.signedIn";
  private static final String DENIAL_AUDITED = "haven.denialAudited";

  /** A page's path: letters, slashes and the page's name, nothing a user could have typed. */
  private static final Pattern PAGE = Pattern.compile("(/[a-z]+)*/[a-zA-Z]+\\.xhtml");

  @Inject Caller caller;

  @Inject SignedInUser user;
  @Inject Staff staff;
  @Inject AuditTrail audit;
  @Inject AnonymousRefusals anonymousRefusals;
  @Inject SignIns signIns;
  @Inject ClientAddress clientAddress;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      // A refusal the container made before any filter ran (a page's security constraint).
      if (caller.requestId() == null) {
        startRequest(request, response);
        identify(request);
      }
      chain.doFilter(request, response);
      Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
      Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
      if (thrown instanceof Throwable t && deniedByContainer(t)) {
        status = 403; // an EJB refused a page's action: shown as the 403 page
      }
      if (status instanceof Integer code && (code == 401 || code == 403)) {
        denied(
            request,
            request.getMethod(),
            uri == null ? request.getRequestURI() : uri.toString(),
            code);
      }
      return;
    }
    startRequest(request, response);
    if (identify(request)) {
      if (!admitted(request)) {
        denied(request, request.getMethod(), request.getRequestURI(), 403);
        refuse(request, response);
        return;
      }
      signedIn(request);
    }
    chain.doFilter(request, response);
    if (response.getStatus() == 401 || response.getStatus() == 403) {
      denied(request, request.getMethod(), request.getRequestURI(), response.getStatus());
    }
  }

  private void startRequest(HttpServletRequest request, HttpServletResponse response) {
    String id = UUID.randomUUID().toString();
    caller.request(clientAddress.of(request), id);
    response.setHeader("X-Request-Id", id);
  }

  /** Identifies the caller from their verified token; false for an anonymous request. */
  private boolean identify(HttpServletRequest request) {
    if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
      AccessToken token = principal.getOidcSecurityContext().getToken();
      caller.identify(
          token.getSubject(),
          token.getPreferredUsername(),
          token.getName(),
          token.getEmail(),
          teams(token));
      return true;
    }
    return false;
  }

  /**
   * The first request of a sign-in: of a browser session, or of a Keycloak session (its {@code
   * sid}) for API clients, which have no HTTP session.
   */
  private void signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      if (session.getAttribute(SIGNED_IN) == null) {
        session.setAttribute(SIGNED_IN, Boolean.TRUE);
        audit.recordApart(AuditTrail.Entry.of(AuditAction.SIGN_IN, "session", "browser"));
      }
      return;
    }
    if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
      Object sid = principal.getOidcSecurityContext().getToken().getClaimValue("sid");
      String key = sid == null ? caller.subject() : sid.toString();
      if (signIns.firstSeen(key)) {
        audit.recordApart(AuditTrail.Entry.of(AuditAction.SIGN_IN, "session", "api"));
      }
    }
  }

  /**
   * A refusal, with the path reduced to what cannot hold a typed-in name; once per request, though
   * both the request and its error page may see it. Refusals without a caller are only counted
   * here, and written once a minute per client address ({@link AnonymousRefusals}).
   */
  private void denied(HttpServletRequest request, String method, String path, int status) {
    if (request.getAttribute(DENIAL_AUDITED) != null) {
      return;
    }
    request.setAttribute(DENIAL_AUDITED, Boolean.TRUE);
    if (!caller.isIdentified()) {
      anonymousRefusals.refused(clientAddress.of(request), status);
      return;
    }
    audit.recordApart(
        AuditTrail.Entry.of(
                AuditAction.ACCESS_DENIED, "request", method + " " + safePath(request, path))
            .outcome(Outcome.DENIED)
            .details("HTTP " + status));
  }

  private static boolean deniedByContainer(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof jakarta.ejb.EJBAccessException) {
        return true;
      }
    }
    return false;
  }

  /**
   * What of a refused request's path the trail may keep: the REST operation it matched ({@link
   * MatchedPath}), a page's name, or nothing: any other segment could be something a user typed.
   */
  static String safePath(HttpServletRequest request, String path) {
    String context = request.getContextPath();
    String local = path.startsWith(context) ? path.substring(context.length()) : path;
    String safe =
        context
            + MatchedPath.of(request)
                .orElseGet(() -> PAGE.matcher(local).matches() ? local : "/{…}");
    // The trail's object id column holds 64 characters; the end of a path says the most.
    return safe.length() > 56 ? safe.substring(safe.length() - 56) : safe;
  }

  /**
   * Provisions the user into Haven on their first request and keeps their record current; whether
   * they may go on. Two first requests at once race for the same row; the loser finds the winner's
   * on its retry.
   */
  private boolean admitted(HttpServletRequest request) {
    boolean caseworker = user.isCaseworker();
    boolean supervisor = user.isSupervisor();
    try {
      return staff.admits(caller, caseworker, supervisor);
    } catch (EJBException firstSignInRace) {
      return staff.admits(caller, caseworker, supervisor);
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
