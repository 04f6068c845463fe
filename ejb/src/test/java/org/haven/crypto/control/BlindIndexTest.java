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
  void namesMatchWhateverTheAccentsCaseAndSpacing() throws GeneralSecurityException {
    assertEquals("zoe lopez garcia", BlindIndex.name("  Zoë   LÓPEZ-García "));
    assertEquals(
        index.of(BlindIndex.name("Zoë López-García")),
        index.of(BlindIndex.name("zoe lopez garcia")));
    assertNotEquals(index.of(BlindIndex.name("Zoe Lopez")), index.of(BlindIndex.name("Zoe Lopes")));
  }

  @Test
  void phonesAndDocumentsAreNormalised() {
    assertEquals("+2348035550101", BlindIndex.phone("+234 (803) 555-0101"));
    assertEquals("+2348035550101", BlindIndex.phone("00234 803 555 0101"));
    assertEquals("A12345678", BlindIndex.document("a12 345-678"));
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
