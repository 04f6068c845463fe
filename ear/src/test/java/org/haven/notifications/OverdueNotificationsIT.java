package org.haven.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.haven.cases.boundary.CaseRegistration;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.database.boundary.DatabaseMigrations;
import org.haven.it.ActAs;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.notifications.boundary.NotificationDetails;
import org.haven.notifications.boundary.Notifications;
import org.haven.notifications.control.OverdueReferralWatch;
import org.haven.notifications.entity.NotificationKind;
import org.haven.referrals.boundary.Referrals;
import org.haven.referrals.entity.ReferralStatus;
import org.haven.referrals.entity.Urgency;
import org.haven.services.boundary.ProviderDetails;
import org.haven.services.boundary.ServiceDirectory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A sent referral unanswered past its provider's time: the server's own timer (every 2 s in the
 * suite) tells the caseworker and the team's supervisors, once.
 */
@ExtendWith(ArquillianExtension.class)
class OverdueNotificationsIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return HavenDeployment.withTest(OverdueNotificationsIT.class);
  }

  @Inject ServiceDirectory directory;
  @Inject CaseRegistration registration;
  @Inject Referrals referrals;
  @Inject Notifications notifications;
  @Inject OverdueReferralWatch watch;
  @Inject ActAs act;

  @Resource(lookup = DatabaseMigrations.DATASOURCE)
  DataSource dataSource;

  long overdueNotices(DemoStaff user, long referral) throws Exception {
    List<NotificationDetails> mine = act.as(user, () -> notifications.mine(false));
    return mine.stream()
        .filter(v -> v.getReferralId() != null && v.getReferralId() == referral)
        .filter(v -> v.getKind() == NotificationKind.REFERRAL_OVERDUE)
        .count();
  }

  @Test
  void anUnansweredReferralIsNotifiedOnceAfterTheProvidersTime() throws Exception {
    long provider =
        act.as(
                DemoStaff.ADMIN,
                () ->
                    directory.saveProvider(
                        null,
                        new ProviderDetails(
                            "Slow clinic " + System.nanoTime(),
                            List.of("MEDICAL"),
                            List.of(),
                            null,
                            null,
                            null,
                            24,
                            true),
                        null))
            .orElseThrow()
            .getId();
    String n =
        act.as(
                DemoStaff.CASEWORKER_NORTH,
                () ->
                    registration.register(
                        new SurvivorCase(RiskLevel.LOW, new Survivor(Sex.MALE, "NP")),
                        new SurvivorIdentity(),
                        null,
                        null))
            .getCaseNumber();
    long id =
        act.as(
                DemoStaff.CASEWORKER_NORTH,
                () ->
                    referrals.create(
                        n, "MEDICAL", provider, Urgency.URGENT, false, "Check-up.", "en"))
            .orElseThrow()
            .getId();
    act.as(
        DemoStaff.CASEWORKER_NORTH,
        () -> referrals.transition(n, id, ReferralStatus.PENDING_APPROVAL, null, null));
    act.as(
        DemoStaff.SUPERVISOR_NORTH,
        () -> referrals.transition(n, id, ReferralStatus.SENT, null, null));

    watch.check();
    assertEquals(0, overdueNotices(DemoStaff.CASEWORKER_NORTH, id), "within its 24 hours");

    try (Connection db = dataSource.getConnection();
        PreparedStatement sentLongAgo =
            db.prepareStatement("update referral set sent_at = ? where id = ?")) {
      sentLongAgo.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofHours(25))));
      sentLongAgo.setLong(2, id);
      assertEquals(1, sentLongAgo.executeUpdate());
    }
    // The server's own timer finds it: a real wait, polled until a deadline.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .pollInSameThread()
        .until(() -> overdueNotices(DemoStaff.CASEWORKER_NORTH, id) > 0);
    assertEquals(1, overdueNotices(DemoStaff.CASEWORKER_NORTH, id), "the caseworker is told");
    assertEquals(1, overdueNotices(DemoStaff.SUPERVISOR_NORTH, id), "the supervisor is told");
    assertFalse(
        act.as(DemoStaff.SUPERVISOR_SOUTH, () -> notifications.mine(false)).stream()
            .anyMatch(v -> v.getReferralId() != null && v.getReferralId() == id),
        "another team is not");

    watch.check();
    watch.check();
    assertEquals(1, overdueNotices(DemoStaff.CASEWORKER_NORTH, id), "told once, not every run");
  }
}
