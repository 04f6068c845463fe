package org.haven.cases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CaseNumbersTest {

  @Test
  void padsTheSequenceValueToSixDigits() {
    assertEquals("HVN-2026-000001", CaseNumbers.format(2026, 1));
    assertEquals("HVN-2026-000123", CaseNumbers.format(2026, 123));
    assertEquals("HVN-2031-999999", CaseNumbers.format(2031, 999_999));
  }

  @Test
  void growsBeyondSixDigitsRatherThanWrapping() {
    assertEquals("HVN-2026-1000000", CaseNumbers.format(2026, 1_000_000));
  }

  @Test
  void refusesValuesASequenceNeverGives() {
    assertThrows(IllegalArgumentException.class, () -> CaseNumbers.format(2026, 0));
    assertThrows(IllegalArgumentException.class, () -> CaseNumbers.format(2026, -5));
  }
}
