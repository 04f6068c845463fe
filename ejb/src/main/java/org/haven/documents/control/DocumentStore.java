package org.haven.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.problems.Refused;

/**
 * Where documents' ciphertext lives: one file per document in {@code HAVEN_DATA_DIR/documents},
 * named by a random id, written through the streaming cipher so that no plaintext ever reaches the
 * disk and no file is ever whole in the heap. A file is written as {@code .part} and renamed when
 * complete; an upload that fails or grows past the limit leaves nothing behind.
 */
@ApplicationScoped
public class DocumentStore {

  @Inject
  @ConfigProperty(name = "haven.data.dir", defaultValue = "data")
  String dataDir;

  Path directory() {
    Path dir = Path.of(dataDir, "documents");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    return dir;
  }

  /**
   * Encrypts {@code prefix} then the rest of {@code content} into the file of {@code storageName};
   * the number of plaintext bytes written. More than {@code limit} bytes: a 413, and the partial
   * file is deleted.
   */
  public long write(
      String storageName,
      FieldCipher cipher,
      String record,
      byte[] contentKey,
      byte[] prefix,
      InputStream content,
      long limit) {
    Path dir = directory();
    Path part = dir.resolve(storageName + ".part");
    long written = 0;
    try {
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(part));
          OutputStream out = cipher.encrypting(record, contentKey, file)) {
        written = prefix.length;
        if (written > limit) {
          throw tooLarge(limit);
        }
        out.write(prefix);
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = content.read(buffer)) > 0; ) {
          written += n;
          if (written > limit) {
            throw tooLarge(limit);
          }
          out.write(buffer, 0, n);
        }
      }
      move(part, dir.resolve(storageName + ".bin"));
      return written;
    } catch (IOException e) {
      delete(part);
      throw new UncheckedIOException("cannot store a document", e);
    } catch (RuntimeException e) {
      delete(part);
      throw e;
    }
  }

  static Refused tooLarge(long limit) {
    return Refused.tooLarge(
        "The document is larger than " + limit / (1024 * 1024) + " MB, the most Haven keeps.");
  }

  /** The content as written; the caller closes it. */
  public InputStream read(
      String storageName, FieldCipher cipher, String record, byte[] contentKey) {
    try {
      return cipher.decrypting(
          record, contentKey, Files.newInputStream(directory().resolve(storageName + ".bin")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a stored document", e);
    }
  }

  /** Removes a document's ciphertext (its key is already gone). */
  public void remove(String storageName) {
    delete(directory().resolve(storageName + ".bin"));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Unreadable without its key in any case; a later upload never reuses the name.
    }
  }
}
