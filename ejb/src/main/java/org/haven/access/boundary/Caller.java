package org.haven.access.boundary;

import jakarta.enterprise.context.RequestScoped;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling, as Keycloak's token says: subject, user name, display name and teams. Filled once
 * per request from the token by the web layer; roles are not kept here, they are the container's
 * ({@code @RolesAllowed}, {@code isCallerInRole}).
 */
@RequestScoped
public class Caller implements Serializable {

  private static final long serialVersionUID = 1L;

  private String subject;
  private String username;
  private String displayName;
  private String email;
  private List<String> teams = List.of();
  private String clientAddress;
  private String requestId;

  /** Where the request comes from and its id, for the audit trail. */
  public void request(String clientAddress, String requestId) {
    this.clientAddress = clientAddress;
    this.requestId = requestId;
  }

  public String clientAddress() {
    return clientAddress;
  }

  public String requestId() {
    return requestId;
  }

  public void identify(String subject, String username, String displayName, List<String> teams) {
    identify(subject, username, displayName, null, teams);
  }

  /** As the token says, with the e-mail address Keycloak holds (for optional notification mail). */
  public void identify(
      String subject, String username, String displayName, String email, List<String> teams) {
    this.email = email == null || email.isBlank() ? null : email;
    this.subject = subject;
    this.username = username;
    this.displayName = displayName;
    this.teams = teams == null ? List.of() : List.copyOf(teams);
  }

  public boolean isIdentified() {
    return subject != null;
  }

  public String subject() {
    return subject;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName == null || displayName.isBlank() ? username : displayName;
  }

  public String email() {
    return email;
  }

  public List<String> teams() {
    return teams;
  }

  /** The caller's team: Haven staff belong to one team; administrators to none. */
  public Optional<String> team() {
    return teams.stream().findFirst();
  }
}
