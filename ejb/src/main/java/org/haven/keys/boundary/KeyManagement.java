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

  /** What the keys page and {@code GET /api/v1/admin/keys} show. */
  public record KeyStatus(
      String source,
      boolean rotatable,
      List<KeyEncryptionKeys.KeyInfo> keys,
      KeyRotationJob.Progress rotation) {}

  public KeyStatus status() {
    return new KeyStatus(
        crypto.keySource(), crypto.canRotate(), crypto.keyEncryptionKeys(), rotation.progress());
  }

  /** Starts a rotation of the key-encryption key; its progress shows in {@link #status()}. */
  public KeyStatus rotate() {
    KeyRotationJob.Progress started = rotation.start();
    audit.record(
        AuditTrail.Entry.of(AuditAction.KEY_ROTATION_STARTED, "key", started.newKeyId())
            .details("keys to rewrap: " + started.total()));
    return status();
  }
}
