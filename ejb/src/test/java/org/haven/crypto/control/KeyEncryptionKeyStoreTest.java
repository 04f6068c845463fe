package org.haven.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionKeyStoreTest {

  @TempDir Path dir;

  @Test
  void outsideDemoModeHavenRefusesToStartWithoutAKey() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> KeyEncryptionKeyStore.configured(Optional.empty(), Optional.empty(), false, dir));
    assertTrue(e.getMessage().contains("HAVEN_KEK_FILE"));
    KeyEncryptionKeyStore missingFile =
        KeyEncryptionKeyStore.configured(
            Optional.of(dir.resolve("nope.json").toString()), Optional.empty(), false, dir);
    assertThrows(IllegalStateException.class, () -> missingFile.load(false));
    assertFalse(Files.exists(dir.resolve("nope.json")), "no key is made up outside demo mode");
  }

  @Test
  void demoModeCreatesAKeyReadableByItsOwnerOnlyAndKeepsIt() throws Exception {
    KeyEncryptionKeyStore store =
        KeyEncryptionKeyStore.configured(Optional.empty(), Optional.empty(), true, dir);
    KeysetHandle first = store.load(true);
    Path file = dir.resolve("keys").resolve("kek.json");
    assertTrue(Files.exists(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(first.getPrimary().getId(), store.load(true).getPrimary().getId(), "kept");
    assertTrue(store.writable());
  }

  /** A store on a key file (outside demo mode), with a new key saved in it. */
  KeyEncryptionKeyStore fileStoreWithAKey(Path file) throws Exception {
    KeyEncryptionKeyStore store =
        KeyEncryptionKeyStore.configured(
            Optional.of(file.toString()), Optional.empty(), false, dir);
    store.save(EnvelopeCrypto.newKeyEncryptionKey());
    return store;
  }

  @Test
  void aKeyFileOthersCanReadStopsHavenOutsideDemoMode() throws Exception {
    Path file = dir.resolve("kek.json");
    KeyEncryptionKeyStore store = fileStoreWithAKey(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> store.load(false));
    assertTrue(refused.getMessage().contains("chmod 600"), refused.getMessage());
    assertTrue(refused.getMessage().contains("rw-r--r--"), refused.getMessage());

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    store.load(false); // a group may read it: a secret mounted for a group is

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
    store.load(true);
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
        "demo mode closes its own file");
  }

  @Test
  void aRotatedKeyIsSavedWholeAndTheOldKeysStay() throws Exception {
    Path file = dir.resolve("kek.json");
    KeyEncryptionKeyStore store = fileStoreWithAKey(file);
    KeysetHandle original = store.load(false);
    store.save(EnvelopeCrypto.withNewPrimary(original));
    KeysetHandle rotated = store.load(false);
    assertEquals(2, rotated.size());
    assertEquals(original.getPrimary().getId(), rotated.getAt(0).getId());
    assertFalse(Files.exists(dir.resolve("kek.json.new")), "no temporary file is left");
  }

  @Test
  void theKeyMayComeFromTheEnvironmentButThenHavenCannotRotateIt() throws Exception {
    String json =
        TinkJsonProtoKeysetFormat.serializeKeyset(
            EnvelopeCrypto.newKeyEncryptionKey(), InsecureSecretKeyAccess.get());
    KeyEncryptionKeyStore store =
        KeyEncryptionKeyStore.configured(Optional.empty(), Optional.of(json), false, dir);
    assertEquals(1, store.load(false).size());
    assertFalse(store.writable());
    assertEquals("environment variable HAVEN_KEK", store.describe());
  }

  @Test
  void aBrokenKeyIsReportedWithoutQuotingIt() {
    KeyEncryptionKeyStore store =
        KeyEncryptionKeyStore.configured(
            Optional.empty(), Optional.of("{\"secret\":\"Qz9Secret\"}"), false, dir);
    Exception e = assertThrows(Exception.class, () -> store.load(false));
    assertFalse(e.getMessage().contains("Qz9Secret"));
  }
}
