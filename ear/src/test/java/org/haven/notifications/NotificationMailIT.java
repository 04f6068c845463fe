package org.haven.notifications;

import static org.haven.it.Api.api;
import static org.haven.it.CaseFixture.CW;
import static org.haven.it.CaseFixture.SUP;
import static org.haven.it.CaseFixture.move;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.haven.it.CaseFixture;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With mail switched on (the suite's server has {@code HAVEN_MAIL_ENABLED=true} and an SMTP port
 * this test listens on), a notification also goes by mail through WildFly's mail session, to the
 * address Keycloak holds, with no survivor data in it.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationMailIT {

  static GreenMail smtp;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  @BeforeAll
  static void listen() {
    smtp =
        new GreenMail(
            new ServerSetup(Integer.getInteger("it.smtp.port", 3025), "localhost", "smtp"));
    smtp.start();
  }

  @AfterAll
  static void stop() {
    smtp.stop();
  }

  @Test
  void aReferralAwaitingApprovalIsMailedToTheSupervisorWithoutSurvivorData() throws Exception {
    // Haven learns a person's address from their token, on their first request.
    api(SUP).get("/notifications/unread-count").then().statusCode(200);
    String n =
        api(CW)
            .body(
                "{\"riskLevel\":\"LOW\",\"survivor\":{\"givenNames\":\"Mailcanary\","
                    + "\"familyName\":\"Nevermailed\"}}")
            .post("/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("caseNumber");
    int id = CaseFixture.referral(n, CaseFixture.provider(), false, "EMERGENCY");

    move(CW, n, id, "PENDING_APPROVAL").then().statusCode(200);

    String expected = "Referral " + id + " of case " + n + " awaits your approval.";
    MimeMessage mail = null;
    for (int i = 0; i < 50 && mail == null; i++) {
      mail =
          Arrays.stream(smtp.getReceivedMessages())
              .filter(m -> GreenMailUtil.getBody(m).contains(expected))
              .findFirst()
              .orElse(null);
      if (mail == null) {
        smtp.waitForIncomingEmail(200, smtp.getReceivedMessages().length + 1);
      }
    }
    assertTrue(mail != null, "no mail for referral " + id);
    assertEquals(
        List.of("supervisor.north@demo.haven.invalid"),
        Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList());
    String whole = mail.getSubject() + GreenMailUtil.getWholeMessage(mail);
    assertTrue(whole.contains("/cases/case.xhtml?n=" + n), whole);
    assertFalse(whole.contains("Mailcanary") || whole.contains("Nevermailed"), whole);
    assertFalse(
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> GreenMailUtil.getBody(m).contains(expected))
            .flatMap(m -> recipients(m).stream())
            .anyMatch(r -> r.startsWith("caseworker.north")),
        "the submitter is not mailed about their own move");
  }

  private static List<String> recipients(MimeMessage m) {
    try {
      return Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
