package org.haven.cases.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SurvivorCaseTest {

  @Test
  void aRegisteredCaseIsOpenAndKeepsItsNumber() {
    SurvivorCase c = new SurvivorCase(RiskLevel.HIGH, new Survivor(Sex.FEMALE, "NG"));
    c.register("HVN-2026-000001");
    assertEquals(CaseStatus.OPEN, c.getStatus());
    assertEquals("HVN-2026-000001", c.getCaseNumber());
    assertThrows(IllegalStateException.class, () -> c.register("HVN-2026-000002"));
    assertEquals("HVN-2026-000001", c.getCaseNumber());
  }

  @Test
  void casesAreEqualByCaseNumberOnly() {
    SurvivorCase a = new SurvivorCase(RiskLevel.HIGH, null);
    SurvivorCase b = new SurvivorCase(RiskLevel.LOW, null);
    assertNotEquals(a, b); // unregistered cases are never equal
    a.register("HVN-2026-000007");
    b.register("HVN-2026-000007");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void itsTextFormCarriesNothingAboutTheSurvivor() {
    SurvivorCase c = new SurvivorCase(RiskLevel.HIGH, new Survivor(Sex.FEMALE, "NG"));
    c.register("HVN-2026-000009");
    assertFalse(c.toString().contains("NG"));
    assertFalse(c.toString().contains("FEMALE"));
  }

  @Test
  void aCaseAlwaysHasASurvivor() {
    assertEquals(new Survivor(), new SurvivorCase(RiskLevel.LOW, null).getSurvivor());
  }
}
