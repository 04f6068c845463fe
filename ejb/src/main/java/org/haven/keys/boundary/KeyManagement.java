package org.haven.keys.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.haven.access.boundary.AccessPolicy;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.entity.AuditAction;
import org.haven.crypto.boundary.KeyEncryptionKeys;
import org.haven.keys.control.KeyRotationJob;
import org.haven.keys.control.RekeyJob;
import org.haven.keys.control.Rewrapping;
import org.haven.problems.Conflict;

/**
 * The administrators' view of the key-encryption key: where it comes from, its keys (ids and
 * status, never material) and the rotation that replaces it.
 */
@Stateless
@RolesAllowed(AccessPolicy.ADMIN)
public class KeyManagement {

  @Inject KeyEncryptionKeys crypto;
  @Inject KeyRotationJob rotation;
  @Inject AuditTrail audit;
  @Inject Rewrapping rewrapping;
  @Inject RekeyJob rekey;
  @Inject AccessPolicy access;

  /** What the keys page and {@code GET /api/v1/admin/keys} show. */
  public record KeyStatus(
      String source,
      boolean rotatable,
      List<KeyEncryptionKeys.KeyInfo> keys,
      KeyRotationJob.Progress rotation,
      List<String> retired,
      RekeyJob.RekeyProgress rekey) {}

  public KeyStatus status() {
    return new KeyStatus(
        crypto.keySource(),
        crypto.canRotate(),
        crypto.keyEncryptionKeys(),
        rotation.progress(),
        crypto.retiredKeyIds(),
        rekey.progress());
  }

  /**
   * Starts a re-key, for when a data, index or audit key may have leaked: every survivor gets a new
   * data key, the blind indexes new keys, the audit trail a new chain key from now on; its progress
   * shows in {@link #status()}. Refused while a rotation of the key-encryption key runs.
   */
  public KeyStatus rekey() {
    if (rotation.progress().state() == KeyRotationJob.State.RUNNING) {
      throw new Conflict("A key rotation is running; start the re-key once it is done.");
    }
    RekeyJob.RekeyProgress started = rekey.start(access.actor().getUsername());
    audit.record(
        AuditTrail.Entry.of(AuditAction.REKEY_STARTED, "key", "epoch " + started.epoch())
            .details("survivors to re-key: " + started.total()));
    return status();
  }

  /**
   * Destroys the retired key-encryption keys once a rotation has finished: no stored key depends on
   * them any more, and a database backup from before the rotation becomes unreadable with the key
   * file as it is now (that is the point, for an erasure; keep the old key file apart if those
   * backups must stay readable). Refused while a rotation runs or keys still wait for rewrapping;
   * with nothing retired, it changes nothing.
   */
  public KeyStatus destroyRetiredKeys() {
    if (!crypto.canRotate()) {
      throw new Conflict(
          "The key-encryption key comes from the environment variable HAVEN_KEK, which Haven"
              + " cannot change: destroy the retired keys with KeyTool destroy"
              + " (docs/operations/keys.md) and give Haven the new key.");
    }
    if (rotation.progress().state() == KeyRotationJob.State.RUNNING) {
      throw new Conflict("A key rotation is running; destroy the retired keys once it is done.");
    }
    long dependent = rewrapping.remaining(crypto.primaryKeyId());
    if (dependent > 0) {
      throw new Conflict(
          dependent
              + " stored keys are still wrapped by an older key-encryption key; finish the"
              + " rotation first.");
    }
    if (crypto.retiredKeyIds().isEmpty()) {
      return status(); // nothing retired: nothing to do, as a repeated request expects
    }
    if (crypto.keyEncryptionKeys().stream()
        .anyMatch(key -> !key.primary() && "ENABLED".equals(key.status()))) {
      throw new Conflict(
          "An older key-encryption key is still enabled, so a rotation did not finish: rotate"
              + " again, then destroy the retired keys.");
    }
    List<String> destroyed = crypto.destroyRetiredKeys();
    // Apart: the key file does not roll back, so neither may its record.
    audit.recordApart(
        AuditTrail.Entry.of(
                AuditAction.KEY_DESTROYED, "key", Integer.toUnsignedString(crypto.primaryKeyId()))
            .details(
                "destroyed: "
                    + String.join(",", destroyed)
                    + "; backups from before the rotation need the old key file"));
    return status();
  }

  /** Starts a rotation of the key-encryption key; its progress shows in {@link #status()}. */
  public KeyStatus rotate() {
    if (rekey.progress().state() == RekeyJob.RekeyState.RUNNING) {
      throw new Conflict("A re-key is running; rotate the key-encryption key once it is done.");
    }
    KeyRotationJob.Progress started = rotation.start();
    audit.record(
        AuditTrail.Entry.of(AuditAction.KEY_ROTATION_STARTED, "key", started.newKeyId())
            .details("keys to rewrap: " + started.total()));
    return status();
  }
}
