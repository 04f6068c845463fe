package org.haven.audit.control;

import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haven.audit.entity.AuditEvent;

/**
 * The file of signed checkpoints, one JSON line each: {@code
 * {"eventId":E,"position":N,"hash":"…","at":"…","signature":"…"}}, the chain's head at position N
 * (event E, link hash). Lines written before the sequencer have no position: there, event id and
 * position were one. Plain Java, shared by Haven and the command-line verifier.
 */
public final class CheckpointStore {

  private static final Pattern LINE =
      Pattern.compile(
          "\\{\"eventId\":(\\d+),(?:\"position\":(\\d+),)?\"hash\":\"([0-9a-f]{64})\","
              + "\"at\":\"([^\"]+)\",\"signature\":\"([A-Za-z0-9+/=]+)\"}");

  /** A checkpoint as read back, with whether its signature holds. */
  public record Checkpoint(
      long position, long eventId, String hash, String at, boolean signatureValid) {}

  private final Path file;

  public CheckpointStore(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Appends a signed checkpoint, synced to disk before it returns. */
  public void append(PublicKeySign signer, long position, long eventId, String hash, String at)
      throws GeneralSecurityException, IOException {
    byte[] signature = signer.sign(signed(position, eventId, hash, at));
    String line =
        "{\"eventId\":"
            + eventId
            + ",\"position\":"
            + position
            + ",\"hash\":\""
            + hash
            + "\",\"at\":\""
            + at
            + "\",\"signature\":\""
            + Base64.getEncoder().encodeToString(signature)
            + "\"}\n";
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(
        file,
        line,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.SYNC);
  }

  /** The last checkpoint, its signature checked; empty before the first. */
  public Optional<Checkpoint> latest(PublicKeyVerify verifier) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return Optional.of(parse(lines.get(i), verifier));
      }
    }
    return Optional.empty();
  }

  static Checkpoint parse(String line, PublicKeyVerify verifier) {
    Matcher m = LINE.matcher(line.trim());
    if (!m.matches()) {
      return new Checkpoint(0, 0, "", "", false);
    }
    long eventId = Long.parseLong(m.group(1));
    boolean legacy = m.group(2) == null;
    long position = legacy ? eventId : Long.parseLong(m.group(2));
    byte[] content =
        legacy
            ? legacySigned(eventId, m.group(3), m.group(4))
            : signed(position, eventId, m.group(3), m.group(4));
    boolean valid;
    try {
      verifier.verify(Base64.getDecoder().decode(m.group(5)), content);
      valid = true;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      valid = false;
    }
    return new Checkpoint(position, eventId, m.group(3), m.group(4), valid);
  }

  private static byte[] signed(long position, long eventId, String hash, String at) {
    return AuditEvent.canonical("haven audit checkpoint v2", position, eventId, hash, at)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** What checkpoints signed before the sequencer, when event id and position were one. */
  static byte[] legacySigned(long eventId, String hash, String at) {
    return AuditEvent.canonical("haven audit checkpoint", eventId, hash, at)
        .getBytes(StandardCharsets.UTF_8);
  }
}
