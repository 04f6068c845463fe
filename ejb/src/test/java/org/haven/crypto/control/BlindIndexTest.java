package org.haven.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

class BlindIndexTest {

  final BlindIndex index = new BlindIndex(BlindIndex.newKey());

  BlindIndexTest() throws GeneralSecurityException {}

  @Test
  void equalValuesGiveEqualIndexesAndOthersDiffer() throws GeneralSecurityException {
    assertEquals(index.of("zoe lopez garcia"), index.of("zoe lopez garcia"));
    assertNotEquals(index.of("zoe lopez"), index.of("zoe lopes"));
  }

  @Test
  void anIndexIsTruncatedKeyedAndEmptyForNothing() throws GeneralSecurityException {
    String value = index.of("amina okafor");
    assertEquals(BlindIndex.BYTES * 2, value.length());
    assertNotEquals(value, new BlindIndex(BlindIndex.newKey()).of("amina okafor"));
    assertNull(index.of(""));
    assertNull(index.of(null));
  }
}
