package org.haven.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.KeyTemplates;
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
  void everyWrappedKeyNamesTheKeyEncryptionKeyThatWrappedIt() {
    assertEquals(crypto.primaryKeyId(), EnvelopeCrypto.wrappingKeyId(dataKey));
  }

  @Test
  void rotationKeepsOldDataReadableAndRewrappingLetsTheOldKeyGo() throws GeneralSecurityException {
    byte[] sealed = crypto.encrypt(dataKey, OWNER, RECORD, "phone", "+234 803 555 0101");

    // Rotate: a new primary key-encryption key, the old one still there.
    KeysetHandle rotated =
        KeysetHandle.newBuilder(kek)
            .addEntry(
                KeysetHandle.generateEntryFromParameters(
                        KeyTemplates.get("AES256_GCM").toParameters())
                    .withRandomId())
            .build();
    int newPrimary = rotated.getAt(1).getId();
    rotated = promote(rotated, 1);
    EnvelopeCrypto afterRotation = new EnvelopeCrypto(rotated);

    assertEquals(
        "+234 803 555 0101",
        afterRotation.decrypt(dataKey, OWNER, RECORD, "phone", sealed),
        "old wrap still opens");
    byte[] rewrapped = afterRotation.rewrap(dataKey, OWNER);
    assertEquals(newPrimary, EnvelopeCrypto.wrappingKeyId(rewrapped));

    // Disable the old key-encryption key: rewrapped data keys still open, old wraps no longer do.
    KeysetHandle withoutOld = disable(rotated, 0);
    EnvelopeCrypto oldKeyDisabled = new EnvelopeCrypto(withoutOld);
    assertEquals(
        "+234 803 555 0101", oldKeyDisabled.decrypt(rewrapped, OWNER, RECORD, "phone", sealed));
    assertThrows(
        GeneralSecurityException.class,
        () -> oldKeyDisabled.decrypt(dataKey, OWNER, RECORD, "phone", sealed));
  }

  private static KeysetHandle promote(KeysetHandle handle, int index)
      throws GeneralSecurityException {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
    builder.getAt(index).makePrimary();
    return builder.build();
  }

  private static KeysetHandle disable(KeysetHandle handle, int index)
      throws GeneralSecurityException {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
    builder.getAt(index).setStatus(com.google.crypto.tink.KeyStatus.DISABLED);
    return builder.build();
  }
}
