package org.haven.crypto.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A key stored only wrapped by the key-encryption key: one data key per survivor, and the keys of
 * the blind indexes. Deleting a survivor's row makes their fields undecryptable (crypto-shredding).
 */
@Entity
@Table(name = "data_key")
public class DataKey {

  /** Whose key: {@code case:<case number>} or {@code index:<index>}. */
  @Id
  @Column(name = "owner", length = 80)
  private String owner;

  @Column(name = "wrapped", nullable = false)
  private byte[] wrapped;

  /** The key-encryption key that wrapped it (also in Tink's prefix; here so it can be counted). */
  @Column(name = "kek_id", nullable = false)
  private long kekId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "rewrapped_at")
  private Instant rewrappedAt;

  /** The key epoch it was made in (a re-key starts one): keys of earlier epochs are replaced. */
  @Column(name = "epoch", nullable = false)
  private int epoch;

  protected DataKey() {}

  public DataKey(String owner, byte[] wrapped, int kekId, int epoch) {
    this.owner = owner;
    this.wrapped = wrapped;
    this.kekId = kekId;
    this.epoch = epoch;
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /** A new key in place of this one (a re-key): what it sealed must be sealed again with it. */
  public void replaced(byte[] wrapped, int kekId, int epoch) {
    this.wrapped = wrapped;
    this.kekId = kekId;
    this.epoch = epoch;
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    this.rewrappedAt = null;
  }

  public void rewrapped(byte[] wrapped, int kekId) {
    this.wrapped = wrapped;
    this.kekId = kekId;
    this.rewrappedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  public String getOwner() {
    return owner;
  }

  public byte[] getWrapped() {
    return wrapped;
  }

  public int getEpoch() {
    return epoch;
  }

  public int getKekId() {
    return (int) kekId;
  }

  @Override
  public String toString() {
    return "DataKey[" + owner + ", kek " + Integer.toUnsignedString((int) kekId) + "]";
  }
}
