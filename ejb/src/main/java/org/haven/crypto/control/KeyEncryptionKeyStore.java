package org.haven.crypto.control;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Where Haven's key-encryption key (a Tink keyset in Tink's JSON format) lives: a file named by
 * {@code HAVEN_KEK_FILE}, or the keyset itself in {@code HAVEN_KEK}. Never in the database: a
 * stolen database or backup without this key is ciphertext only. Only demo mode creates a key by
 * itself (in the data directory, with a warning); otherwise a missing key stops Haven from
 * starting, because a silently generated key would make every backup unreadable after a reinstall.
 */
public final class KeyEncryptionKeyStore {

  private static final Logger LOG = Logger.getLogger(KeyEncryptionKeyStore.class.getName());

  static final String MISSING =
      "No key-encryption key is configured, so Haven will not start. Set HAVEN_KEK_FILE to a Tink"
          + " keyset file (create one with: java -cp 'ear/target/tools/*'"
          + " org.haven.crypto.control.KeyTool create /path/to/kek.json) or HAVEN_KEK to the"
          + " keyset itself. Only demo mode (HAVEN_DEMO=true) generates a key by itself. See the"
          + " docs/operations/keys.md.";

  private final Path file;
  private final String inline;

  private KeyEncryptionKeyStore(Path file, String inline) {
    this.file = file;
    this.inline = inline;
  }

  /**
   * The configured store: {@code HAVEN_KEK_FILE} first, then {@code HAVEN_KEK}; in demo mode
   * without either, {@code <data dir>/keys/kek.json}, created on first use.
   */
  public static KeyEncryptionKeyStore configured(
      Optional<String> keyFile, Optional<String> inlineKey, boolean demo, Path dataDirectory) {
    if (keyFile.filter(f -> !f.isBlank()).isPresent()) {
      return new KeyEncryptionKeyStore(Path.of(keyFile.get()), null);
    }
    if (inlineKey.filter(k -> !k.isBlank()).isPresent()) {
      return new KeyEncryptionKeyStore(null, inlineKey.get());
    }
    if (demo) {
      return new KeyEncryptionKeyStore(dataDirectory.resolve("keys").resolve("kek.json"), null);
    }
    throw new IllegalStateException(MISSING);
  }

  /** Reads the key; in demo mode creates it first if it does not exist yet. */
  public KeysetHandle load(boolean demo) throws GeneralSecurityException, IOException {
    if (inline != null) {
      return parse(inline, "HAVEN_KEK");
    }
    if (!Files.exists(file)) {
      if (!demo) {
        throw new IllegalStateException(
            "HAVEN_KEK_FILE names " + file.toAbsolutePath() + ", which does not exist. " + MISSING);
      }
      KeysetHandle created = EnvelopeCrypto.newKeyEncryptionKey();
      save(created);
      LOG.warning(
          "\n*** DEMO MODE: generated a new key-encryption key in "
              + file.toAbsolutePath()
              + " ***\n*** Whoever reads this file can decrypt every survivor's data in this"
              + " database. Fine for fictional demo data only: for real data, create a key with"
              + " KeyTool, keep it away from the database and its backups, and set HAVEN_KEK_FILE."
              + " ***");
      return created;
    }
    requireOwnerOnly(file, demo);
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /** Who else may have the key file, beyond its owner and (read only) its group. */
  private static final Set<PosixFilePermission> TOO_OPEN =
      EnumSet.of(
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE,
          PosixFilePermission.GROUP_WRITE);

  /**
   * A key file every user of the machine can read is a key anyone may already have copied: Haven
   * does not start with it (a group may read it, as a secret mounted for a group is). Demo mode
   * closes its own file instead.
   */
  static void requireOwnerOnly(Path file, boolean demo) throws IOException {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException notPosix) {
      return; // Windows: the directory's access rules apply.
    }
    if (permissions.stream().noneMatch(TOO_OPEN::contains)) {
      return;
    }
    String shown = PosixFilePermissions.toString(permissions);
    if (demo) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      LOG.warning(
          "DEMO MODE: the key-encryption key file "
              + file.toAbsolutePath()
              + " was open to others ("
              + shown
              + "); Haven made it readable by its owner only.");
      return;
    }
    throw new IllegalStateException(
        "The key-encryption key file "
            + file.toAbsolutePath()
            + " is open to other users of this machine ("
            + shown
            + "), so Haven will not start: whoever can read it can decrypt every survivor's data."
            + " Make it readable by Haven's user only (chmod 600 "
            + file.toAbsolutePath()
            + "), and consider the key exposed if others could read it before; see"
            + " docs/operations/keys.md.");
  }

  /** Whether Haven itself can store a rotated key (a file; not an environment variable). */
  public boolean writable() {
    return file != null;
  }

  /** Where the key comes from, for messages and the admin page; never the key itself. */
  public String describe() {
    return file != null ? "file " + file.toAbsolutePath() : "environment variable HAVEN_KEK";
  }

  /**
   * Replaces the stored key atomically: written to a temporary file readable by the owner only,
   * synced, then renamed over the old one, so a crash leaves the old key or the new one, never
   * half.
   */
  public void save(KeysetHandle keyEncryptionKey) throws GeneralSecurityException, IOException {
    if (file == null) {
      throw new IllegalStateException(
          "the key-encryption key comes from HAVEN_KEK, which Haven cannot change");
    }
    writeOwnerOnly(
        file,
        TinkJsonProtoKeysetFormat.serializeKeyset(keyEncryptionKey, InsecureSecretKeyAccess.get()));
  }

  /**
   * Writes a key file atomically: to a temporary file readable by the owner only, synced, then
   * renamed over the old one, so a crash leaves the old key or the new one, never half of either.
   * Every key file Haven writes goes through here.
   */
  public static void writeOwnerOnly(Path file, String content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = directory.resolve(file.getFileName() + ".new");
    Files.deleteIfExists(temporary);
    Files.createFile(temporary);
    try {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the directory's access rules apply.
    }
    try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      out.write(StandardCharsets.UTF_8.encode(content));
      out.force(true);
    }
    Files.move(
        temporary,
        file.toAbsolutePath(),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static KeysetHandle parse(String json, String source) throws GeneralSecurityException {
    try {
      return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      // Tink's message could quote the input, which is key material: name only the source.
      throw new GeneralSecurityException(
          "the key-encryption key in " + source + " is not a Tink JSON keyset");
    }
  }
}
