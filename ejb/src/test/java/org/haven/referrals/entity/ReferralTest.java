package org.haven.referrals.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.haven.access.entity.StaffMember;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.SurvivorCase;
import org.haven.referrals.control.ReferralWorkflow;
import org.haven.services.entity.Provider;
import org.haven.services.entity.ServiceType;
import org.junit.jupiter.api.Test;

/** When a referral is overdue, and the workflow's table. */
class ReferralTest {

  static Referral sentAt(Instant sent, int responseHours) {
    Provider provider = new Provider("Clinic");
    provider.describe(List.of("MEDICAL"), List.of(), null, null, null, responseHours, true);
    StaffMember staff = new StaffMember("subject", Instant.now());
    Referral r =
        new Referral(
            new SurvivorCase(RiskLevel.LOW, null),
            new ServiceType("MEDICAL", "Medical care", null, 10),
            provider,
            Urgency.URGENT,
            false,
            staff,
            sent);
    r.moveTo(ReferralStatus.PENDING_APPROVAL, staff, sent, null, null);
    r.moveTo(ReferralStatus.SENT, staff, sent, null, null);
    return r;
  }

  @Test
  void aSentReferralIsOverdueOnceTheProvidersResponseTimeHasPassed() {
    Instant sent = Instant.parse("2026-11-20T10:00:00Z");
    Referral r = sentAt(sent, 48);
    assertFalse(r.isOverdue(sent.plus(Duration.ofHours(47))));
    assertFalse(r.isOverdue(sent.plus(Duration.ofHours(48))));
    assertTrue(r.isOverdue(sent.plus(Duration.ofHours(48)).plusSeconds(1)));
  }

  @Test
  void anAnsweredReferralIsNeverOverdue() {
    Instant sent = Instant.parse("2026-11-20T10:00:00Z");
    Referral r = sentAt(sent, 1);
    r.moveTo(ReferralStatus.ACCEPTED, null, sent.plusSeconds(60), null, null);
    assertFalse(r.isOverdue(sent.plus(Duration.ofDays(30))));
  }

  @Test
  void onlySupervisorsSendOrReturnAndTheEndsAreFinal() {
    assertEquals(
        List.of(ReferralStatus.CANCELLED),
        ReferralWorkflow.allowedFrom(ReferralStatus.PENDING_APPROVAL, false));
    assertEquals(
        List.of(ReferralStatus.SENT, ReferralStatus.RETURNED, ReferralStatus.CANCELLED),
        ReferralWorkflow.allowedFrom(ReferralStatus.PENDING_APPROVAL, true));
    for (ReferralStatus end :
        List.of(ReferralStatus.DECLINED, ReferralStatus.COMPLETED, ReferralStatus.CANCELLED)) {
      assertTrue(ReferralWorkflow.allowedFrom(end, true).isEmpty(), end.name());
    }
  }
}
