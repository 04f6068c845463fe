package org.haven.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.junit.jupiter.api.Test;

/** Content encrypted as a stream: bytes back as written, bound to its record, canaries hidden. */
class StreamingContentTest {

  @Test
  void content_comes_back_byte_for_byte_and_only_for_its_record() throws Exception {
    EnvelopeCrypto crypto = new EnvelopeCrypto(EnvelopeCrypto.newKeyEncryptionKey());
    FieldCipher cipher = crypto.fieldCipher(crypto.newDataKey("case:HVN-1"), "case:HVN-1");
    byte[] content = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(content);
    byte[] canary = "CANARY-PASSPORT-K7Q2".getBytes();
    System.arraycopy(canary, 0, content, 1000, canary.length);
    byte[] key = cipher.newStreamKey("document:1");

    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    try (OutputStream out = cipher.encrypting("document:1", key, stored)) {
      out.write(content);
    }

    assertFalse(new String(stored.toByteArray(), "ISO-8859-1").contains("CANARY-PASSPORT"));
    try (InputStream in =
        cipher.decrypting("document:1", key, new ByteArrayInputStream(stored.toByteArray()))) {
      assertArrayEquals(content, in.readAllBytes());
    }
    assertThrows(
        Exception.class,
        () -> {
          try (InputStream in =
              cipher.decrypting(
                  "document:2", key, new ByteArrayInputStream(stored.toByteArray()))) {
            in.readAllBytes();
          }
        });
    byte[] altered = stored.toByteArray();
    altered[altered.length / 2] ^= 1;
    assertThrows(
        IOException.class,
        () -> {
          try (InputStream in =
              cipher.decrypting("document:1", key, new ByteArrayInputStream(altered))) {
            in.readAllBytes();
          }
        });
  }
}
