package org.haven.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.signature.SignatureConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

  static PublicKeySign signer;
  static PublicKeyVerify verifier;

  @BeforeAll
  static void keys() throws Exception {
    SignatureConfig.register();
    KeysetHandle key = KeysetHandle.generateNew(KeyTemplates.get("ED25519"));
    signer = key.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
    verifier =
        key.getPublicKeysetHandle()
            .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
  }

  @Test
  void aCheckpointNamesItsPositionAndEventAndIsSigned(@TempDir Path dir) throws Exception {
    CheckpointStore store = new CheckpointStore(dir.resolve("checkpoints.jsonl"));
    String hash = "ab".repeat(32);
    store.append(signer, 41, 1234, hash, "2026-12-01T10:00:00Z");
    CheckpointStore.Checkpoint read = store.latest(verifier).orElseThrow();
    assertEquals(41, read.position());
    assertEquals(1234, read.eventId());
    assertEquals(hash, read.hash());
    assertTrue(read.signatureValid());

    String line = Files.readString(store.file()).trim();
    assertFalse(
        CheckpointStore.parse(line.replace("\"position\":41", "\"position\":40"), verifier)
            .signatureValid(),
        "a moved position breaks the signature");
  }

  @Test
  void checkpointsFromBeforeTheSequencerStillVerify() {
    String hash = "cd".repeat(32);
    String at = "2026-11-20T08:00:00Z";
    String signature;
    try {
      signature =
          Base64.getEncoder()
              .encodeToString(signer.sign(CheckpointStore.legacySigned(77, hash, at)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
    String line =
        "{\"eventId\":77,\"hash\":\""
            + hash
            + "\",\"at\":\""
            + at
            + "\",\"signature\":\""
            + signature
            + "\"}";
    CheckpointStore.Checkpoint read = CheckpointStore.parse(line, verifier);
    assertTrue(read.signatureValid());
    assertEquals(77, read.position(), "then, position and event id were one");
    assertEquals(77, read.eventId());
    assertFalse(
        CheckpointStore.parse(line.replace("\"eventId\":77", "\"eventId\":78"), verifier)
            .signatureValid());
    assertFalse(CheckpointStore.parse("not a checkpoint", verifier).signatureValid());
  }
}
