package org.haven.it;

import java.util.List;

/**
 * The demo users of ear/src/run/keycloak/haven-demo-realm.json, with their Keycloak subjects: the
 * people tests act as, inside the server as over HTTP.
 */
public enum DemoStaff {
  CASEWORKER_NORTH("1", "caseworker.north", "Nadia Haddad", "north", "caseworker"),
  CASEWORKER2_NORTH("2", "caseworker2.north", "Tomas Reyes", "north", "caseworker"),
  CASEWORKER_SOUTH("3", "caseworker.south", "Priya Nair", "south", "caseworker"),
  SUPERVISOR_NORTH("4", "supervisor.north", "Grace Mensah", "north", "supervisor"),
  SUPERVISOR_SOUTH("5", "supervisor.south", "Lukas Berg", "south", "supervisor"),
  ADMIN("6", "admin", "Sam Okafor", null, "admin");

  public final String subject;
  public final String username;
  public final String displayName;
  public final String team;
  public final String role;

  DemoStaff(String n, String username, String displayName, String team, String role) {
    this.subject = "6f1c2a0e-5b1f-4c44-9a51-2d0c7a7e000" + n;
    this.username = username;
    this.displayName = displayName;
    this.team = team;
    this.role = role;
  }

  public List<String> teams() {
    return team == null ? List.of() : List.of(team);
  }
}
