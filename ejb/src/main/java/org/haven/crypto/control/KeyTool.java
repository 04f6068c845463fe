package org.haven.crypto.control;

import com.google.crypto.tink.KeysetHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The operator's command line for Haven's key-encryption key. Run it from the tools folder the
 * build makes: {@code java -cp 'ear/target/tools/*' org.haven.crypto.control.KeyTool <command>
 * <file>}. It never prints key material.
 *
 * <ul>
 *   <li>{@code create FILE [--if-absent]}: a new key, readable by its owner only.
 *   <li>{@code rotate FILE}: adds a new primary key (for keys Haven cannot write itself, such as
 *       HAVEN_KEK); Haven rewraps its data keys at its next start.
 *   <li>{@code retire FILE}: disables every key but the primary, once Haven reports that the
 *       rotation is done (Haven does this itself for a key file it can write).
 *   <li>{@code destroy FILE}: removes the retired (disabled) keys' material, once the rotation is
 *       done and they are retired; database backups from before the rotation then need the old file
 *       (Haven's keys page does this itself for a key file it can write).
 *   <li>{@code show FILE}: the key ids, their status and which one is primary.
 * </ul>
 */
public final class KeyTool {

  private KeyTool() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: KeyTool create|rotate|retire|destroy|show FILE [--if-absent]");
      System.exit(2);
    }
    Path file = Path.of(args[1]);
    KeyEncryptionKeyStore store =
        KeyEncryptionKeyStore.configured(
            Optional.of(args[1]), Optional.empty(), false, Path.of("."));
    switch (args[0]) {
      case "create" -> {
        if (Files.exists(file)) {
          if (args.length > 2 && "--if-absent".equals(args[2])) {
            System.out.println("kept the existing key in " + file);
            return;
          }
          System.err.println(file + " exists; refusing to overwrite a key (data would be lost)");
          System.exit(1);
        }
        store.save(EnvelopeCrypto.newKeyEncryptionKey());
        System.out.println(
            "created a key-encryption key in "
                + file
                + "; back it up apart from"
                + " the database");
      }
      case "rotate" -> {
        store.save(EnvelopeCrypto.withNewPrimary(store.load(false)));
        System.out.println("added a new primary key to " + file);
      }
      case "retire" -> {
        store.save(EnvelopeCrypto.withOnlyPrimaryEnabled(store.load(false)));
        System.out.println("disabled every key but the primary in " + file);
      }
      case "destroy" -> {
        KeysetHandle keys = store.load(false);
        var retired = EnvelopeCrypto.retiredKeyIds(keys);
        if (retired.isEmpty()) {
          System.err.println(
              "no retired key in " + file + "; retire the older keys once the rotation is done");
          System.exit(1);
        }
        try {
          store.save(EnvelopeCrypto.withoutRetiredKeys(keys));
        } catch (IllegalStateException stillEnabled) {
          System.err.println(stillEnabled.getMessage());
          System.exit(1);
        }
        System.out.println(
            "destroyed the retired keys "
                + retired.stream().map(Integer::toUnsignedString).toList()
                + " in "
                + file
                + ". Database backups taken before the rotation can no longer be read with this"
                + " file: keep a copy of the old file apart if you must restore them, or destroy"
                + " every copy if the rotation was for an erasure or a leaked key.");
      }
      case "show" -> {
        KeysetHandle keys = store.load(false);
        for (int i = 0; i < keys.size(); i++) {
          KeysetHandle.Entry key = keys.getAt(i);
          System.out.println(
              Integer.toUnsignedString(key.getId())
                  + " "
                  + key.getStatus()
                  + (key.isPrimary() ? " PRIMARY" : ""));
        }
      }
      default -> {
        System.err.println(
            "unknown command " + args[0] + "; use create, rotate, retire, destroy or show");
        System.exit(2);
      }
    }
  }
}
