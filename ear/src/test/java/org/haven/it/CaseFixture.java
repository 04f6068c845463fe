package org.haven.it;

import static org.hamcrest.Matchers.equalTo;
import static org.haven.it.Api.api;

import io.restassured.response.Response;

/**
 * The records tests start from, made over REST as a user would: a case of caseworker.north, a
 * provider of legal aid, a referral, a referral's move. The one case fixture of the suite.
 */
public final class CaseFixture {

  public static final DemoStaff CW = DemoStaff.CASEWORKER_NORTH;
  public static final DemoStaff SUP = DemoStaff.SUPERVISOR_NORTH;

  private CaseFixture() {}

  /** A new case of caseworker.north, with a short narrative. */
  public static String newCase() {
    return newCase(CW);
  }

  /** A new case registered by this caseworker (of their team), with a short narrative. */
  public static String newCase(DemoStaff caseworker) {
    return api(caseworker)
        .body("{\"riskLevel\":\"MEDIUM\",\"narrative\":\"Intake at the shelter.\"}")
        .post("/cases")
        .then()
        .statusCode(201)
        .extract()
        .path("caseNumber");
  }

  public static int provider() {
    return api(DemoStaff.ADMIN)
        .body(
            "{\"name\":\"Legal aid "
                + System.nanoTime()
                + "\",\"serviceTypes\":[\"LEGAL_AID\"],\"responseTimeHours\":72}")
        .post("/admin/providers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static int referral(String n, int provider, boolean sharesData, String urgency) {
    return api(CW)
        .body(
            "{\"serviceType\":\"LEGAL_AID\",\"providerId\":"
                + provider
                + ",\"urgency\":\""
                + urgency
                + "\",\"sharesData\":"
                + sharesData
                + ",\"reason\":\"Needs advice on a residence permit.\"}")
        .post("/cases/" + n + "/referrals")
        .then()
        .statusCode(201)
        .body("status", equalTo("DRAFT"))
        .extract()
        .path("id");
  }

  public static Response move(DemoStaff user, String n, int id, String to) {
    return api(user)
        .body("{\"to\":\"" + to + "\",\"reason\":\"Because.\"}")
        .post("/cases/" + n + "/referrals/" + id + "/transitions");
  }

  /**
   * Whether {@code GET /cases?<query>} lists the case for whoever {@code as} calls as: the list is
   * read newest first, page by page, until the case shows or the cases become older than it, so
   * that the answer does not depend on how many other cases there are.
   */
  public static boolean listed(
      java.util.function.Supplier<io.restassured.specification.RequestSpecification> as,
      String query,
      String caseNumber) {
    java.time.Instant registered =
        java.time.Instant.parse(api(SUP).get("/cases/" + caseNumber).path("createdAt"));
    for (int page = 0; ; page++) {
      io.restassured.path.json.JsonPath found =
          as.get()
              .get(
                  "/cases?"
                      + (query.isEmpty() ? "" : query + "&")
                      + "sort=-createdAt&size=100&page="
                      + page)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      java.util.List<String> numbers = found.getList("items.caseNumber");
      if (numbers.contains(caseNumber)) {
        return true;
      }
      java.util.List<String> created = found.getList("items.createdAt");
      boolean pastIt =
          created.stream().map(java.time.Instant::parse).anyMatch(c -> c.isBefore(registered));
      if (pastIt || numbers.size() < 100) {
        return false;
      }
    }
  }
}
