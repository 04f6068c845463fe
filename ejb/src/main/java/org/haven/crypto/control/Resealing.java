package org.haven.crypto.control;

import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;

/**
 * Fired (synchronously, in the re-key's transaction) when an owner's data key is replaced: each
 * feature that sealed values with it seals them again with the new key, under the same record and
 * field names, before the old key is gone. The crypto service knows no feature; the features know
 * their own records.
 */
public final class Resealing {

  private final String owner;
  private final FieldCipher from;
  private final FieldCipher to;
  private int resealed;

  public Resealing(String owner, FieldCipher from, FieldCipher to) {
    this.owner = owner;
    this.from = from;
    this.to = to;
  }

  /** Whose key is replaced: {@code case:<case number>}. */
  public String owner() {
    return owner;
  }

  /** A ciphertext of the old key sealed again with the new one; null stays null. */
  public byte[] reseal(String record, String field, byte[] ciphertext) {
    if (ciphertext == null) {
      return null;
    }
    resealed++;
    return to.sealBytes(record, field, from.openBytes(record, field, ciphertext));
  }

  /** The new key's cipher: to open what was just resealed (and recompute what derives from it). */
  public FieldCipher cipher() {
    return to;
  }

  /** How many values were sealed again. */
  public int resealed() {
    return resealed;
  }
}
