package org.haven.cases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.haven.cases.entity.CaseStatus;
import org.junit.jupiter.api.Test;

class CaseLifecycleTest {

  @Test
  void theRoadFromIntakeToClosure() {
    assertEquals(List.of(CaseStatus.ASSESSMENT), CaseLifecycle.allowedFrom(CaseStatus.OPEN, false));
    assertEquals(
        List.of(CaseStatus.SERVICE_PROVISION),
        CaseLifecycle.allowedFrom(CaseStatus.CASE_PLAN, false));
    assertEquals(
        List.of(CaseStatus.CLOSED, CaseStatus.SERVICE_PROVISION),
        CaseLifecycle.allowedFrom(CaseStatus.CLOSURE_REQUESTED, true));
    assertTrue(CaseLifecycle.allowedFrom(CaseStatus.CLOSURE_REQUESTED, false).isEmpty());
    assertEquals(List.of(CaseStatus.REOPENED), CaseLifecycle.allowedFrom(CaseStatus.CLOSED, false));
    assertEquals(
        List.of(CaseStatus.ASSESSMENT), CaseLifecycle.allowedFrom(CaseStatus.REOPENED, true));
  }

  @Test
  void everyPairNotInTheTableIsIllegal() {
    int legal = 0;
    for (CaseStatus from : CaseStatus.values()) {
      for (CaseStatus to : CaseStatus.values()) {
        if (CaseLifecycle.move(from, to).isPresent()) {
          legal++;
        }
      }
    }
    assertEquals(CaseLifecycle.MOVES.size(), legal);
    assertEquals(8, legal);
  }
}
