package org.haven.cases.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.haven.access.entity.StaffMember;
import org.junit.jupiter.api.Test;

class SurvivorCaseTest {

  @Test
  void aRegisteredCaseIsOpenAndKeepsItsNumber() {
    SurvivorCase c = new SurvivorCase(RiskLevel.HIGH, new Survivor(Sex.FEMALE, "NG"));
    c.register("HVN-2026-000001", "north");
    assertEquals(CaseStatus.OPEN, c.getStatus());
    assertEquals("HVN-2026-000001", c.getCaseNumber());
    assertThrows(IllegalStateException.class, () -> c.register("HVN-2026-000002", "north"));
    assertEquals("HVN-2026-000001", c.getCaseNumber());
  }

  @Test
  void casesAreEqualByCaseNumberOnly() {
    SurvivorCase a = new SurvivorCase(RiskLevel.HIGH, null);
    SurvivorCase b = new SurvivorCase(RiskLevel.LOW, null);
    assertNotEquals(a, b); // unregistered cases are never equal
    a.register("HVN-2026-000007", "north");
    b.register("HVN-2026-000007", "north");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void itsTextFormCarriesNothingAboutTheSurvivor() {
    SurvivorCase c = new SurvivorCase(RiskLevel.HIGH, new Survivor(Sex.FEMALE, "NG"));
    c.register("HVN-2026-000009", "north");
    assertFalse(c.toString().contains("NG"));
    assertFalse(c.toString().contains("FEMALE"));
  }

  @Test
  void onlyACaseworkerOfTheOwningTeamCanHoldTheCase() {
    SurvivorCase c = new SurvivorCase(RiskLevel.HIGH, null);
    c.register("HVN-2026-000010", "north");
    StaffMember north = staff("s1", "caseworker.north", "north", true);
    StaffMember north2 = staff("s2", "caseworker2.north", "north", true);
    StaffMember south = staff("s3", "caseworker.south", "south", true);
    StaffMember supervisor = staff("s4", "supervisor.north", "north", false);

    assertThrows(
        IllegalArgumentException.class, () -> c.assignTo(south, supervisor, Instant.now()));
    assertThrows(
        IllegalArgumentException.class, () -> c.assignTo(supervisor, supervisor, Instant.now()));
    assertTrue(c.currentCaseworker().isEmpty());

    c.assignTo(north, supervisor, Instant.parse("2026-01-01T10:00:00Z"));
    c.assignTo(north2, supervisor, Instant.parse("2026-01-02T10:00:00Z"));
    assertEquals(north2, c.currentCaseworker().orElseThrow());
    assertEquals(2, c.getAssignments().size());
    assertEquals(Instant.parse("2026-01-02T10:00:00Z"), c.getAssignments().get(0).getEndedAt());
    assertTrue(c.getAssignments().get(1).isCurrent());
  }

  private static StaffMember staff(String subject, String username, String team, boolean cw) {
    StaffMember s = new StaffMember(subject, Instant.now());
    s.describe(username, username, null, team, cw, !cw);
    return s;
  }

  @Test
  void aCaseAlwaysHasASurvivor() {
    assertEquals(new Survivor(), new SurvivorCase(RiskLevel.LOW, null).getSurvivor());
  }
}
