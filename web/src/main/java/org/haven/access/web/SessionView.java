package org.haven.access.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.haven.access.boundary.Caller;
import org.haven.ui.Texts;
import org.wildfly.security.http.oidc.OidcPrincipal;

/** The signed-in user in the page header, and signing out of Haven and of Keycloak. */
@Named
@RequestScoped
public class SessionView {

  @Inject Caller caller;

  @Inject SignedInUser user;

  public boolean isSignedIn() {
    return caller.isIdentified();
  }

  public String getDisplayName() {
    return caller.displayName();
  }

  public String getRoles() {
    return user.roles().stream()
        .map(role -> Texts.get("role." + role.roleName()))
        .collect(Collectors.joining(", "));
  }

  public String getTeam() {
    return caller.team().orElse(null);
  }

  /**
   * Ends Haven's session and then Keycloak's (OpenID Connect RP-initiated logout), so that the next
   * person at a shared field-office computer must sign in again.
   */
  public void logout() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String endSession = null;
    if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
      var context = principal.getOidcSecurityContext();
      String home =
          request.getRequestURL().toString().replace(request.getRequestURI(), "")
              + request.getContextPath()
              + "/";
      endSession =
          context.getToken().getIssuer()
              + "/protocol/openid-connect/logout"
              + "?client_id="
              + encode(context.getToken().getClaimValueAsString("azp"))
              + "&post_logout_redirect_uri="
              + encode(home)
              + (context.getIDTokenString() == null
                  ? ""
                  : "&id_token_hint=" + encode(context.getIDTokenString()));
    }
    request.logout();
    external.invalidateSession();
    external.redirect(endSession == null ? request.getContextPath() + "/" : endSession);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
