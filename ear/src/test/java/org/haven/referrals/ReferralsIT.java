package org.haven.referrals;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.haven.it.Api.api;
import static org.haven.it.CaseFixture.move;
import static org.haven.it.CaseFixture.newCase;
import static org.haven.it.CaseFixture.provider;
import static org.haven.it.CaseFixture.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.haven.it.CaseFixture;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.referrals.control.ReferralWorkflow;
import org.haven.referrals.entity.ReferralStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Referrals over REST: every move of the workflow from every status, done or refused as the table
 * says; sending and returning are the team's supervisors' (a caseworker gets 403); data goes out
 * only with the survivor's consent in force for that provider and service, and withdrawing it
 * cancels what still waits; the supervisor's queue; another team sees nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ReferralsIT {

  static final DemoStaff CW = CaseFixture.CW;
  static final DemoStaff SUP = CaseFixture.SUP;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  /** The road a supervisor walks a referral along to reach {@code status}. */
  static final Map<ReferralStatus, List<String>> ROAD =
      Map.of(
          ReferralStatus.DRAFT, List.of(),
          ReferralStatus.PENDING_APPROVAL, List.of("PENDING_APPROVAL"),
          ReferralStatus.RETURNED, List.of("PENDING_APPROVAL", "RETURNED"),
          ReferralStatus.SENT, List.of("PENDING_APPROVAL", "SENT"),
          ReferralStatus.ACCEPTED, List.of("PENDING_APPROVAL", "SENT", "ACCEPTED"),
          ReferralStatus.DECLINED, List.of("PENDING_APPROVAL", "SENT", "DECLINED"),
          ReferralStatus.COMPLETED, List.of("PENDING_APPROVAL", "SENT", "ACCEPTED", "COMPLETED"),
          ReferralStatus.CANCELLED, List.of("CANCELLED"));

  static int referralAt(String n, int provider, ReferralStatus status) {
    int id = referral(n, provider, false, "ROUTINE");
    for (String to : ROAD.get(status)) {
      move(SUP, n, id, to).then().statusCode(200).body("status", equalTo(to));
    }
    return id;
  }

  @Test
  void everyMoveFromEveryStatusIsDoneOrRefusedAsTheTableSays() {
    String n = newCase();
    int provider = provider();
    for (ReferralStatus from : ReferralStatus.values()) {
      for (DemoStaff user : List.of(CW, SUP)) {
        boolean supervisor = user == SUP;
        int id = referralAt(n, provider, from);
        List<String> allowed =
            ReferralWorkflow.allowedFrom(from, supervisor).stream().map(Enum::name).toList();
        for (ReferralStatus to : ReferralStatus.values()) {
          boolean supervisorsOnly =
              ReferralWorkflow.move(from, to)
                  .filter(ReferralWorkflow.Move::supervisorOnly)
                  .isPresent();
          if (allowed.contains(to.name())) {
            move(user, n, referralAt(n, provider, from), to.name())
                .then()
                .statusCode(200)
                .body("status", equalTo(to.name()));
          } else if (!supervisor && supervisorsOnly) {
            move(user, n, id, to.name()).then().statusCode(403);
          } else {
            Response refused = move(user, n, id, to.name());
            refused.then().statusCode(409);
            assertEquals(
                allowed, refused.path("allowed"), user.username + " " + from + " -> " + to);
          }
        }
      }
    }
  }

  @Test
  void dataGoesOutOnlyWithTheSurvivorsConsentAndAWithdrawalCancelsWhatWaits() {
    String n = newCase();
    int provider = provider();
    int first = referral(n, provider, true, "URGENT");
    move(CW, n, first, "PENDING_APPROVAL")
        .then()
        .statusCode(409)
        .body("detail", containsString("no consent in force"));
    // A consent for another service does not count.
    api(CW)
        .body(
            "{\"type\":\"DATA_SHARING\",\"providerId\":"
                + provider
                + ",\"serviceType\":\"MEDICAL\",\"howObtained\":\"WRITTEN\",\"givenOn\":\"2026-11-01\"}")
        .post("/cases/" + n + "/consents")
        .then()
        .statusCode(201);
    move(CW, n, first, "PENDING_APPROVAL").then().statusCode(409);
    int consent =
        api(CW)
            .body(
                "{\"type\":\"DATA_SHARING\",\"providerId\":"
                    + provider
                    + ",\"serviceType\":\"LEGAL_AID\",\"howObtained\":\"WRITTEN\",\"givenOn\":\"2026-11-01\"}")
            .post("/cases/" + n + "/consents")
            .then()
            .statusCode(201)
            .body("providerId", equalTo(provider))
            .body("purpose", equalTo("Legal aid"))
            .extract()
            .path("id");
    move(CW, n, first, "PENDING_APPROVAL")
        .then()
        .statusCode(200)
        .body("consentId", equalTo(consent));
    int second = referral(n, provider, true, "ROUTINE");
    move(CW, n, second, "PENDING_APPROVAL").then().statusCode(200);
    move(SUP, n, second, "SENT").then().statusCode(200).body("answerDueBy", containsString("T"));
    // The survivor withdraws: what waits is cancelled; what was sent stays sent.
    api(CW)
        .body("{}")
        .post("/cases/" + n + "/consents/" + consent + "/withdrawal")
        .then()
        .statusCode(200);
    List<Map<String, Object>> all =
        api(CW).get("/cases/" + n + "/referrals").then().statusCode(200).extract().path("");
    Map<Integer, Object> status =
        all.stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    r -> (Integer) r.get("id"), r -> r.get("status")));
    assertEquals("CANCELLED", status.get(first));
    assertEquals("SENT", status.get(second));
    // And without a consent in force nothing more goes out.
    int third = referral(n, provider, true, "ROUTINE");
    move(CW, n, third, "PENDING_APPROVAL").then().statusCode(409);
    // A referral that shares no data needs no consent.
    int plain = referral(n, provider, false, "ROUTINE");
    move(CW, n, plain, "PENDING_APPROVAL").then().statusCode(200);
  }

  @Test
  void theSupervisorsQueueShowsTheTeamsWaitingReferralsMostUrgentFirst() {
    String n = newCase();
    int provider = provider();
    int routine = referral(n, provider, false, "ROUTINE");
    int emergency = referral(n, provider, false, "EMERGENCY");
    move(CW, n, routine, "PENDING_APPROVAL").then().statusCode(200);
    move(CW, n, emergency, "PENDING_APPROVAL").then().statusCode(200);
    List<Integer> queue =
        api(SUP).get("/referrals/awaiting-approval").then().statusCode(200).extract().path("id");
    assertEquals(
        true,
        queue.indexOf(emergency) >= 0 && queue.indexOf(emergency) < queue.indexOf(routine),
        queue.toString());
    api(CW).get("/referrals/awaiting-approval").then().statusCode(403);
    api(DemoStaff.SUPERVISOR_SOUTH)
        .get("/referrals/awaiting-approval")
        .then()
        .statusCode(200)
        .body("id", not(hasItem(routine)));
    api(DemoStaff.SUPERVISOR_SOUTH).get("/cases/" + n + "/referrals").then().statusCode(404);
    move(DemoStaff.SUPERVISOR_SOUTH, n, routine, "SENT").then().statusCode(404);
    // A caseworker cannot approve; the supervisor returns with a reason, in one step.
    move(CW, n, routine, "SENT").then().statusCode(403);
    api(SUP)
        .body("{\"to\":\"RETURNED\",\"reason\":\"Add the hearing date.\"}")
        .post("/cases/" + n + "/referrals/" + routine + "/transitions")
        .then()
        .statusCode(200)
        .body("returnReason", equalTo("Add the hearing date."));
    api(SUP)
        .body("{\"to\":\"RETURNED\"}")
        .post("/cases/" + n + "/referrals/" + emergency + "/transitions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
  }
}
