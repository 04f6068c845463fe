package org.haven.audit.control;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.signature.SignatureConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.audit.entity.AuditChainHead;
import org.haven.crypto.boundary.FieldCrypto;

/**
 * Signed checkpoints of the audit chain's head, written to a store apart from the database (a file
 * of one JSON line per checkpoint, under {@code HAVEN_AUDIT_DIR}), so that events removed from the
 * end of the chain are noticed back to the last checkpoint. The signing key (Tink ED25519) is kept
 * next to them, encrypted by the key-encryption key: whoever can change the database can neither
 * read it nor sign.
 */
@Singleton
@Startup
@DependsOn("FieldCrypto")
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

  @PersistenceContext EntityManager em;
  @Inject FieldCrypto crypto;
  @Resource TimerService timers;

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
    long millis = Math.max(1, intervalSeconds) * 1000;
    timers.createIntervalTimer(millis, millis, new TimerConfig(null, false));
    LOG.info(
        "Audit checkpoints: every " + intervalSeconds + " s into " + store.file().toAbsolutePath());
  }

  /** A last checkpoint when Haven stops, so that the store covers everything written. */
  @PreDestroy
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  void atShutdown() {
    periodically();
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  void periodically() {
    try {
      writeIfAdvanced();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not write an audit checkpoint; will try again", e);
    }
  }

  /** Writes a checkpoint of the chain's head, unless the last one already covers it. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public synchronized Optional<CheckpointStore.Checkpoint> writeIfAdvanced() {
    AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
    Optional<CheckpointStore.Checkpoint> last = latest();
    if (head.getLastEventId() == 0
        || last.filter(c -> c.eventId() >= head.getLastEventId()).isPresent()) {
      return last;
    }
    try {
      store.append(
          signer,
          head.getLastEventId(),
          head.getLastHash(),
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
