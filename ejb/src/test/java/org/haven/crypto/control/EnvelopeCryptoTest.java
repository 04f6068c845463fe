package org.haven.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

class EnvelopeCryptoTest {

  static final String OWNER = "survivor-17";
  static final String RECORD = "survivor_case:17";

  final KeysetHandle kek = EnvelopeCrypto.newKeyEncryptionKey();
  final EnvelopeCrypto crypto = new EnvelopeCrypto(kek);
  final byte[] dataKey = crypto.newDataKey(OWNER);

  EnvelopeCryptoTest() throws GeneralSecurityException {}

  @Test
  void aFieldComesBackAsItWent() throws GeneralSecurityException {
    byte[] sealed = crypto.encrypt(dataKey, OWNER, RECORD, "family_name", "Okafor-Ngozi ñ 名");
    assertEquals("Okafor-Ngozi ñ 名", crypto.decrypt(dataKey, OWNER, RECORD, "family_name", sealed));
    assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("Okafor"));
  }

  @Test
  void equalPlaintextsGiveDifferentCiphertexts() throws GeneralSecurityException {
    assertNotEquals(
        new String(
            crypto.encrypt(dataKey, OWNER, RECORD, "f", "same"), StandardCharsets.ISO_8859_1),
        new String(
            crypto.encrypt(dataKey, OWNER, RECORD, "f", "same"), StandardCharsets.ISO_8859_1));
  }

  @Test
  void aCiphertextMovedToAnotherRecordOrFieldDoesNotDecrypt() throws GeneralSecurityException {
    byte[] sealed = crypto.encrypt(dataKey, OWNER, RECORD, "family_name", "Okafor");
    assertThrows(
        GeneralSecurityException.class,
        () -> crypto.decrypt(dataKey, OWNER, RECORD, "given_names", sealed));
    assertThrows(
        GeneralSecurityException.class,
        () -> crypto.decrypt(dataKey, OWNER, "survivor_case:18", "family_name", sealed));
  }

  @Test
  void aDataKeyOnlyOpensForItsOwner() {
    assertThrows(
        GeneralSecurityException.class,
        () -> crypto.encrypt(dataKey, "survivor-18", RECORD, "f", "x"));
  }

  @Test
  void aFlippedByteIsRejected() throws GeneralSecurityException {
    byte[] sealed = crypto.encrypt(dataKey, OWNER, RECORD, "address", "12 Harbour Road");
    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      assertThrows(
          GeneralSecurityException.class,
          () -> crypto.decrypt(dataKey, OWNER, RECORD, "address", tampered),
          "byte " + i);
    }
    byte[] wrapped = dataKey.clone();
    wrapped[wrapped.length - 1] ^= 0x01;
    assertThrows(
        GeneralSecurityException.class,
        () -> crypto.decrypt(wrapped, OWNER, RECORD, "address", sealed));
  }

  @Test
  void destroyingRetiredKeysLeavesThePrimaryAndOpensWhatItWrapped() throws Exception {
    KeysetHandle original = EnvelopeCrypto.newKeyEncryptionKey();
    EnvelopeCrypto before = new EnvelopeCrypto(original);
    byte[] oldWrap = before.newDataKey("case:HVN-2026-000001");
    KeysetHandle rotated = EnvelopeCrypto.withNewPrimary(original);
    assertThrows(
        IllegalStateException.class,
        () -> EnvelopeCrypto.withoutRetiredKeys(rotated),
        "an older key still enabled may still be needed");
    EnvelopeCrypto after = new EnvelopeCrypto(rotated);
    byte[] rewrapped = after.rewrap(oldWrap, "case:HVN-2026-000001");
    KeysetHandle retired = EnvelopeCrypto.withOnlyPrimaryEnabled(rotated);
    assertEquals(1, EnvelopeCrypto.retiredKeyIds(retired).size());

    KeysetHandle kept = EnvelopeCrypto.withoutRetiredKeys(retired);
    assertEquals(1, kept.size());
    assertEquals(rotated.getPrimary().getId(), kept.getPrimary().getId());
    assertTrue(EnvelopeCrypto.retiredKeyIds(kept).isEmpty());
    EnvelopeCrypto destroyed = new EnvelopeCrypto(kept);
    assertFalse(destroyed.canUnwrap(original.getPrimary().getId()));
    assertTrue(destroyed.canUnwrap(kept.getPrimary().getId()));
    destroyed.rewrap(rewrapped, "case:HVN-2026-000001"); // what was rewrapped still opens
    assertThrows(
        GeneralSecurityException.class,
        () -> destroyed.rewrap(oldWrap, "case:HVN-2026-000001"),
        "what only the destroyed key wrapped is gone");
  }

  @Test
  void everyWrappedKeyNamesTheKeyEncryptionKeyThatWrappedIt() {
    assertEquals(crypto.primaryKeyId(), EnvelopeCrypto.wrappingKeyId(dataKey));
  }

  @Test
  void rotationKeepsOldDataReadableAndRewrappingLetsTheOldKeyGo() throws GeneralSecurityException {
    byte[] sealed = crypto.encrypt(dataKey, OWNER, RECORD, "phone", "+234 803 555 0101");

    // Rotate: a new primary key-encryption key, the old one still there.
    KeysetHandle rotated = EnvelopeCrypto.withNewPrimary(kek);
    assertEquals(2, rotated.size());
    int newPrimary = rotated.getPrimary().getId();
    assertNotEquals(kek.getPrimary().getId(), newPrimary);
    EnvelopeCrypto afterRotation = new EnvelopeCrypto(rotated);

    assertEquals(
        "+234 803 555 0101",
        afterRotation.decrypt(dataKey, OWNER, RECORD, "phone", sealed),
        "old wrap still opens");
    byte[] rewrapped = afterRotation.rewrap(dataKey, OWNER);
    assertEquals(newPrimary, EnvelopeCrypto.wrappingKeyId(rewrapped));

    // Disable the old key-encryption key: rewrapped data keys still open, old wraps no longer do.
    KeysetHandle withoutOld = EnvelopeCrypto.withOnlyPrimaryEnabled(rotated);
    assertEquals(KeyStatus.DISABLED, withoutOld.getAt(0).getStatus());
    assertTrue(oldKeyCannotUnwrap(withoutOld, EnvelopeCrypto.wrappingKeyId(dataKey)));
    EnvelopeCrypto oldKeyDisabled = new EnvelopeCrypto(withoutOld);
    assertEquals(
        "+234 803 555 0101", oldKeyDisabled.decrypt(rewrapped, OWNER, RECORD, "phone", sealed));
    assertThrows(
        GeneralSecurityException.class,
        () -> oldKeyDisabled.decrypt(dataKey, OWNER, RECORD, "phone", sealed));
  }

  private static boolean oldKeyCannotUnwrap(KeysetHandle keys, int keyId)
      throws GeneralSecurityException {
    return !new EnvelopeCrypto(keys).canUnwrap(keyId);
  }
}
