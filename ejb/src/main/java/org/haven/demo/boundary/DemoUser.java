package org.haven.demo.boundary;

/**
 * A user of ear/src/run/keycloak/haven-demo-realm.json: the same Keycloak subject, so what the demo
 * enters on their behalf is theirs when they sign in.
 */
record DemoUser(String subject, String username, String name, String team, boolean supervisor) {

  private static final String SUBJECT = "6f1c2a0e-5b1f-4c44-9a51-2d0c7a7e000";

  static final DemoUser CASEWORKER_NORTH =
      new DemoUser(SUBJECT + "1", "caseworker.north", "Nadia Haddad", "north", false);
  static final DemoUser CASEWORKER2_NORTH =
      new DemoUser(SUBJECT + "2", "caseworker2.north", "Tomas Reyes", "north", false);
  static final DemoUser CASEWORKER_SOUTH =
      new DemoUser(SUBJECT + "3", "caseworker.south", "Priya Nair", "south", false);
  static final DemoUser SUPERVISOR_NORTH =
      new DemoUser(SUBJECT + "4", "supervisor.north", "Grace Mensah", "north", true);
  static final DemoUser SUPERVISOR_SOUTH =
      new DemoUser(SUBJECT + "5", "supervisor.south", "Lukas Berg", "south", true);
  static final DemoUser ADMIN = new DemoUser(SUBJECT + "6", "admin", "Sam Okafor", null, false);
}
