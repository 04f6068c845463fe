package org.haven.audit.control;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.signature.SignatureConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.crypto.boundary.KeyEncryptionKeys;
import org.haven.database.boundary.DatabaseMigrations;

/**
 * Signed checkpoints of the audit chain's head, written to a store apart from the database (a file
 * of one JSON line per checkpoint, under {@code HAVEN_AUDIT_DIR}), so that events removed from the
 * end of the chain are noticed back to the last checkpoint. The signing key (Tink ED25519) is kept
 * next to them, encrypted by the key-encryption key: whoever can change the database can neither
 * read it nor sign. The sequencer asks for one after its batches ({@link #periodically}), at most
 * every {@code HAVEN_AUDIT_CHECKPOINT_SECONDS}, and only the server holding its lease asks.
 */
@Singleton
@Startup
@DependsOn("KeyEncryptionKeys")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class Checkpoints {

  private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());
  public static final String PURPOSE = "haven audit checkpoint signing key";

  static {
    try {
      SignatureConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Inject KeyEncryptionKeys crypto;

  @Resource(lookup = DatabaseMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "haven.data.dir", defaultValue = "data")
  String dataDirectory;

  @Inject
  @ConfigProperty(name = "haven.audit.dir")
  Optional<String> auditDirectory;

  @Inject
  @ConfigProperty(name = "haven.audit.checkpoint.seconds", defaultValue = "60")
  long intervalSeconds;

  private PublicKeySign signer;
  private PublicKeyVerify verifier;
  private CheckpointStore store;
  private volatile Instant lastWritten = Instant.EPOCH;

  @PostConstruct
  void start() {
    Path directory = Path.of(auditDirectory.orElse(dataDirectory + "/audit"));
    store = new CheckpointStore(directory.resolve("checkpoints.jsonl"));
    KeysetHandle key =
        crypto.keysetFile(directory.resolve("checkpoint-signing-key.json"), "ED25519", PURPOSE);
    try {
      signer = key.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
      verifier =
          key.getPublicKeysetHandle()
              .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot use the checkpoint signing key", e);
    }
    LOG.info(
        "Audit checkpoints: every " + intervalSeconds + " s into " + store.file().toAbsolutePath());
  }

  /** A checkpoint if the interval has passed since the last one and the chain has grown. */
  public void periodically() {
    if (Instant.now().isBefore(lastWritten.plusSeconds(Math.max(1, intervalSeconds)))) {
      return;
    }
    try {
      writeIfAdvanced();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not write an audit checkpoint; will try again", e);
    }
  }

  /** Writes a checkpoint of the chain's head, unless the last one already covers it. */
  public synchronized Optional<CheckpointStore.Checkpoint> writeIfAdvanced() {
    lastWritten = Instant.now();
    Sequencer.Head head;
    Long eventId;
    try (Connection db = dataSource.getConnection()) {
      head = Sequencer.head(db, false);
      eventId = Sequencer.eventAt(db, head.position());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit chain's head", e);
    }
    Optional<CheckpointStore.Checkpoint> last = latest();
    if (head.position() == 0
        || eventId == null
        || last.filter(c -> c.position() >= head.position()).isPresent()) {
      return last;
    }
    try {
      store.append(
          signer,
          head.position(),
          eventId,
          head.hash(),
          Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
      return latest();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot write an audit checkpoint", e);
    }
  }

  /** The last checkpoint in the store, its signature checked; empty before the first. */
  public Optional<CheckpointStore.Checkpoint> latest() {
    try {
      return store.latest(verifier);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the audit checkpoints in " + store.file(), e);
    }
  }
}
