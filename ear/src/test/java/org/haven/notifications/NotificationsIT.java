package org.haven.notifications;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.haven.it.Api.api;
import static org.haven.it.CaseFixture.CW;
import static org.haven.it.CaseFixture.SUP;
import static org.haven.it.CaseFixture.move;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.haven.it.Api;
import org.haven.it.CaseFixture;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bell over REST: who is told what as a referral moves (never the one who moved it), reading
 * one's own notifications only, marking them read.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  /** The user's unread notifications about one referral, as kinds. */
  static List<String> unreadAbout(DemoStaff user, int referral) {
    List<Map<String, Object>> all = Api.unreadNotifications(user);
    return all.stream()
        .filter(m -> m.get("referralId") instanceof Number r && r.intValue() == referral)
        .map(m -> (String) m.get("kind"))
        .toList();
  }

  static Map<String, Object> unreadOf(DemoStaff user, int referral, String kind) {
    List<Map<String, Object>> all = Api.unreadNotifications(user);
    return all.stream()
        .filter(m -> m.get("referralId") instanceof Number r && r.intValue() == referral)
        .filter(m -> kind.equals(m.get("kind")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(user + " has no " + kind + " about " + referral));
  }

  @Test
  void eachMoveTellsThoseWhoMustActAndNotWhoMadeIt() {
    String n = CaseFixture.newCase();
    int provider = CaseFixture.provider();
    int id = CaseFixture.referral(n, provider, false, "URGENT");

    move(CW, n, id, "PENDING_APPROVAL").then().statusCode(200);
    Map<String, Object> waiting = unreadOf(SUP, id, "REFERRAL_AWAITING_APPROVAL");
    assertEquals(n, waiting.get("caseNumber"));
    assertEquals(
        "Referral " + id + " of case " + n + " awaits your approval.", waiting.get("text"));
    assertEquals(List.of(), unreadAbout(CW, id), "the submitter is not told of their own move");
    assertEquals(List.of(), unreadAbout(DemoStaff.SUPERVISOR_SOUTH, id), "another team's");

    move(SUP, n, id, "RETURNED").then().statusCode(200);
    assertEquals(List.of("REFERRAL_RETURNED"), unreadAbout(CW, id));
    assertEquals(List.of(), unreadAbout(SUP, id), "once decided, the approval request is settled");

    move(CW, n, id, "PENDING_APPROVAL").then().statusCode(200);
    move(SUP, n, id, "SENT").then().statusCode(200);
    move(SUP, n, id, "ACCEPTED").then().statusCode(200);
    assertTrue(unreadAbout(CW, id).contains("REFERRAL_ACCEPTED"));

    int declined = CaseFixture.referral(n, provider, false, "ROUTINE");
    move(CW, n, declined, "PENDING_APPROVAL").then().statusCode(200);
    move(SUP, n, declined, "SENT").then().statusCode(200);
    move(SUP, n, declined, "DECLINED").then().statusCode(200);
    assertEquals(List.of("REFERRAL_DECLINED"), unreadAbout(CW, declined));
  }

  @Test
  void onlyOnesOwnNotificationsCanBeMarkedReadAndTheCountFollows() {
    String n = CaseFixture.newCase();
    int id = CaseFixture.referral(n, CaseFixture.provider(), false, "ROUTINE");
    move(CW, n, id, "PENDING_APPROVAL").then().statusCode(200);
    long notification =
        ((Number) unreadOf(SUP, id, "REFERRAL_AWAITING_APPROVAL").get("id")).longValue();
    int before = api(SUP).get("/notifications/unread-count").then().extract().path("unread");
    assertTrue(before >= 1);

    api(CW).post("/notifications/" + notification + "/read").then().statusCode(404);
    api(DemoStaff.SUPERVISOR_SOUTH)
        .post("/notifications/" + notification + "/read")
        .then()
        .statusCode(404);
    api(DemoStaff.ADMIN).get("/notifications").then().statusCode(403);

    api(SUP)
        .post("/notifications/" + notification + "/read")
        .then()
        .statusCode(200)
        .body("readAt", notNullValue())
        .body("read", equalTo(true));
    api(SUP).get("/notifications/unread-count").then().body("unread", equalTo(before - 1));

    api(SUP).post("/notifications/read-all").then().statusCode(200);
    api(SUP).get("/notifications/unread-count").then().body("unread", equalTo(0));
    assertEquals(List.of(), unreadAbout(SUP, id));
  }
}
