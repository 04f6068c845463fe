package org.haven.audit.control;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.haven.audit.entity.AuditEvent;
import org.haven.crypto.control.BlindIndex;
import org.haven.crypto.control.EnvelopeCrypto;
import org.haven.crypto.control.KeyEncryptionKeyStore;

/**
 * The audit trail's verifier on the command line, for an auditor or an administrator without a
 * browser: the same checks as {@code GET /api/v1/audit/verify}, straight against the database. It
 * reads the same settings as Haven ({@code HAVEN_DB_URL}, {@code HAVEN_DB_USER}, {@code
 * HAVEN_DB_PASSWORD}, {@code HAVEN_DATA_DIR}, {@code HAVEN_KEK_FILE} or {@code HAVEN_KEK}, {@code
 * HAVEN_AUDIT_DIR}, {@code HAVEN_AUDIT_UNSEQUENCED_LIMIT_SECONDS}); the embedded H2 database can
 * only be opened while Haven is stopped.
 *
 * <pre>java -cp 'ear/target/tools/*' org.haven.audit.control.AuditTool verify</pre>
 *
 * Prints {@code {"intact":true,"verifiedThrough":N}} and exits 0, or {@code
 * {"intact":false,"firstBrokenEvent":N,"reason":"…"}} and exits 1.
 */
public final class AuditTool {

  private AuditTool() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !"verify".equals(args[0])) {
      System.err.println(
          "usage: AuditTool verify   (settings from HAVEN_* variables, see docs/operations/configuration.md)");
      System.exit(2);
    }
    SignatureConfig.register();
    Path data = Path.of(env("HAVEN_DATA_DIR", "data"));
    Path auditDirectory = Path.of(env("HAVEN_AUDIT_DIR", data.resolve("audit").toString()));
    boolean demo = Files.exists(data.resolve("keys").resolve("kek.json"));
    KeyEncryptionKeyStore store =
        KeyEncryptionKeyStore.configured(
            Optional.ofNullable(System.getenv("HAVEN_KEK_FILE")),
            Optional.ofNullable(System.getenv("HAVEN_KEK")),
            demo,
            data.toAbsolutePath());
    EnvelopeCrypto envelope = new EnvelopeCrypto(store.load(false));
    String url =
        env(
            "HAVEN_DB_URL",
            "jdbc:h2:file:"
                + data.toAbsolutePath().resolve("db").resolve("haven")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE");
    try (Connection db =
        DriverManager.getConnection(
            url, env("HAVEN_DB_USER", "haven"), env("HAVEN_DB_PASSWORD", "haven"))) {
      Map<Integer, BlindIndex> chainKeys = chainKeys(db, envelope);
      Optional<CheckpointStore.Checkpoint> checkpoint =
          new CheckpointStore(auditDirectory.resolve("checkpoints.jsonl"))
              .latest(checkpointVerifier(envelope, auditDirectory));
      ChainVerifier.Result result =
          ChainVerifier.verify(
              db,
              epoch ->
                  Optional.ofNullable(chainKeys.get(epoch))
                      .map(
                          chain ->
                              content -> {
                                try {
                                  return chain.full(content);
                                } catch (java.security.GeneralSecurityException e) {
                                  throw new IllegalStateException(e);
                                }
                              }),
              checkpoint,
              java.time.Instant.now(),
              java.time.Duration.ofSeconds(
                  Long.parseLong(env("HAVEN_AUDIT_UNSEQUENCED_LIMIT_SECONDS", "330"))));
      System.out.println(
          result.intact()
              ? "{\"intact\":true,\"verifiedThrough\":" + result.verifiedThrough() + "}"
              : "{\"intact\":false,\"firstBrokenEvent\":"
                  + result.firstBrokenEvent()
                  + ",\"reason\":\""
                  + result.reason().replace("\"", "'")
                  + "\"}");
      System.exit(result.intact() ? 0 : 1);
    }
  }

  /** The chain key of every key epoch (a re-key starts one), by epoch. */
  private static Map<Integer, BlindIndex> chainKeys(Connection db, EnvelopeCrypto envelope)
      throws Exception {
    Map<Integer, BlindIndex> keys = new HashMap<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "select owner, wrapped from data_key where owner = ? or owner like ?")) {
      query.setString(1, AuditEvent.CHAIN_KEY);
      query.setString(2, AuditEvent.CHAIN_KEY + "@%");
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          // The epoch from the key's name, which its wrapping is bound to (not a column anyone
          // with the table could change): audit:chain is epoch 0, audit:chain@N epoch N.
          String owner = row.getString(1);
          int at = owner.lastIndexOf('@');
          int epoch = at < 0 ? 0 : Integer.parseInt(owner.substring(at + 1));
          keys.put(epoch, new BlindIndex(envelope.unwrapKey(row.getBytes(2), owner)));
        }
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalStateException("this database has no audit chain key");
    }
    return keys;
  }

  private static PublicKeyVerify checkpointVerifier(EnvelopeCrypto envelope, Path directory)
      throws Exception {
    KeysetHandle signing =
        TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
            Files.readString(
                directory.resolve("checkpoint-signing-key.json"), StandardCharsets.UTF_8),
            envelope.keyEncryptionAead(),
            Checkpoints.PURPOSE.getBytes(StandardCharsets.UTF_8));
    return signing
        .getPublicKeysetHandle()
        .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }
}
