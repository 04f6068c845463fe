package org.haven.crypto.control;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Envelope encryption with Google Tink. A key-encryption key (a Tink keyset kept outside the
 * database) wraps one data key per owner (a survivor); the data key encrypts that owner's protected
 * fields with AES-256-GCM, each bound by associated data to its record and field, so a ciphertext
 * copied to another row or column does not decrypt. Tink prefixes every ciphertext with the id of
 * the key that made it, so old ciphertexts stay readable after a rotation. Destroying an owner's
 * wrapped data key makes all of their fields unreadable (crypto-shredding).
 */
public final class EnvelopeCrypto {

  static final String DATA_KEY_PURPOSE = "haven data key for ";
  static final String FIELD_PURPOSE = "haven field ";
  static final String CONTENT_PURPOSE = "haven content ";
  static final String STREAM_KEY_FIELD = "contentKey";

  static {
    try {
      AeadConfig.register();
      StreamingAeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final KeysetHandle keyEncryptionKey;
  private final Aead wrapper;

  public EnvelopeCrypto(KeysetHandle keyEncryptionKey) throws GeneralSecurityException {
    this.keyEncryptionKey = keyEncryptionKey;
    this.wrapper = keyEncryptionKey.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  /** A new key-encryption key: AES-256-GCM, one key, to be stored outside the database. */
  public static KeysetHandle newKeyEncryptionKey() throws GeneralSecurityException {
    return KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM"));
  }

  /** A fresh data key for an owner, wrapped by the current primary key-encryption key. */
  public byte[] newDataKey(String owner) throws GeneralSecurityException {
    KeysetHandle dataKey = KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM"));
    return wrap(dataKey, owner);
  }

  /** Wraps any other keyset (a blind-index key) for an owner, like a data key. */
  public byte[] wrapKey(KeysetHandle key, String owner) throws GeneralSecurityException {
    return wrap(key, owner);
  }

  /** The keyset a {@link #wrapKey} made; fails for another owner or an altered wrapping. */
  public KeysetHandle unwrapKey(byte[] wrappedKey, String owner) throws GeneralSecurityException {
    return unwrap(wrappedKey, owner);
  }

  /**
   * The cipher of one owner's fields, unwrapping the data key once for all the fields of a record.
   */
  public FieldCipher fieldCipher(byte[] wrappedDataKey, String owner)
      throws GeneralSecurityException {
    return new FieldCipher(dataKey(wrappedDataKey, owner), null);
  }

  /**
   * Like {@link #fieldCipher(byte[], String)}, with a way to the owner's current key should a value
   * not open: a re-key may have replaced the key after this one was read, and sealed the value
   * again with the new one.
   */
  public FieldCipher fieldCipher(
      byte[] wrappedDataKey, String owner, Supplier<FieldCipher> replacement)
      throws GeneralSecurityException {
    return new FieldCipher(dataKey(wrappedDataKey, owner), replacement);
  }

  /** Encrypts and decrypts the protected fields of one owner's records. */
  public static final class FieldCipher {
    private final Aead aead;
    private final Supplier<FieldCipher> replacement;

    FieldCipher(Aead aead, Supplier<FieldCipher> replacement) {
      this.aead = aead;
      this.replacement = replacement;
    }

    /** The owner's current cipher if their key was replaced since this one; else null. */
    private FieldCipher replaced() {
      return replacement == null ? null : replacement.get();
    }

    /**
     * The ciphertext of a field's value; null for no value. A failure names the record and field,
     * never the value.
     */
    public byte[] seal(String record, String field, String plaintext) {
      try {
        return plaintext == null
            ? null
            : aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), fieldContext(record, field));
      } catch (GeneralSecurityException e) {
        throw new CryptoFailure("cannot seal " + field + " of " + record, e);
      }
    }

    /** The ciphertext of a binary field (a document); null for none. */
    public byte[] sealBytes(String record, String field, byte[] plaintext) {
      try {
        return plaintext == null ? null : aead.encrypt(plaintext, fieldContext(record, field));
      } catch (GeneralSecurityException e) {
        throw new CryptoFailure("cannot seal " + field + " of " + record, e);
      }
    }

    /** A binary field's value; fails if the ciphertext belongs elsewhere or was altered. */
    public byte[] openBytes(String record, String field, byte[] ciphertext) {
      try {
        return ciphertext == null ? null : aead.decrypt(ciphertext, fieldContext(record, field));
      } catch (GeneralSecurityException e) {
        FieldCipher current = replaced();
        if (current != null) {
          return current.openBytes(record, field, ciphertext);
        }
        throw new CryptoFailure(
            "cannot decrypt " + field + " of " + record + ": altered, or not this record's", e);
      }
    }

    /**
     * A new key for one stream of content (a document, its thumbnail): a Tink streaming AEAD keyset
     * (AES-256-GCM-HKDF, 1 MB segments), returned sealed under this owner's data key for {@code
     * record}. Destroying the data key makes the content unreadable with everything else.
     */
    public byte[] newStreamKey(String record) {
      try {
        KeysetHandle key = KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM_HKDF_1MB"));
        return sealBytes(
            record,
            STREAM_KEY_FIELD,
            TinkProtoKeysetFormat.serializeKeyset(key, InsecureSecretKeyAccess.get()));
      } catch (GeneralSecurityException e) {
        throw new CryptoFailure("cannot make a content key for " + record, e);
      }
    }

    /**
     * Encrypts what is written to the returned stream into {@code ciphertext}, segment by segment,
     * never holding the content whole; bound to {@code record}. Close it to finish the content.
     */
    public OutputStream encrypting(String record, byte[] sealedStreamKey, OutputStream ciphertext) {
      try {
        return stream(record, sealedStreamKey)
            .newEncryptingStream(ciphertext, contentContext(record));
      } catch (GeneralSecurityException | IOException e) {
        throw new CryptoFailure("cannot encrypt the content of " + record, e);
      }
    }

    /** The content as written, read from its ciphertext; a read fails if it was altered. */
    public InputStream decrypting(String record, byte[] sealedStreamKey, InputStream ciphertext) {
      try {
        return stream(record, sealedStreamKey)
            .newDecryptingStream(ciphertext, contentContext(record));
      } catch (GeneralSecurityException | IOException e) {
        throw new CryptoFailure("cannot decrypt the content of " + record, e);
      }
    }

    private StreamingAead stream(String record, byte[] sealedStreamKey)
        throws GeneralSecurityException {
      KeysetHandle key =
          TinkProtoKeysetFormat.parseKeyset(
              openBytes(record, STREAM_KEY_FIELD, sealedStreamKey), InsecureSecretKeyAccess.get());
      return key.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
    }

    /** The value of a field; fails if the ciphertext belongs elsewhere or was altered. */
    public String open(String record, String field, byte[] ciphertext) {
      try {
        return ciphertext == null
            ? null
            : new String(
                aead.decrypt(ciphertext, fieldContext(record, field)), StandardCharsets.UTF_8);
      } catch (GeneralSecurityException e) {
        FieldCipher current = replaced();
        if (current != null) {
          return current.open(record, field, ciphertext);
        }
        throw new CryptoFailure(
            "cannot decrypt " + field + " of " + record + ": altered, or not this record's", e);
      }
    }
  }

  /** Encrypts one protected field of a record with the owner's data key. */
  public byte[] encrypt(
      byte[] wrappedDataKey, String owner, String record, String field, String plaintext)
      throws GeneralSecurityException {
    return dataKey(wrappedDataKey, owner)
        .encrypt(plaintext.getBytes(StandardCharsets.UTF_8), fieldContext(record, field));
  }

  /** Decrypts a field; fails if it was encrypted for another owner, record or field, or altered. */
  public String decrypt(
      byte[] wrappedDataKey, String owner, String record, String field, byte[] ciphertext)
      throws GeneralSecurityException {
    return new String(
        dataKey(wrappedDataKey, owner).decrypt(ciphertext, fieldContext(record, field)),
        StandardCharsets.UTF_8);
  }

  /**
   * Wraps a data key again under the current primary key-encryption key: the step that lets an old
   * key-encryption key be disabled after a rotation. The data key itself, and so every field, stays
   * as it is.
   */
  public byte[] rewrap(byte[] wrappedDataKey, String owner) throws GeneralSecurityException {
    return wrap(unwrap(wrappedDataKey, owner), owner);
  }

  /** The id of the key-encryption key that wrapped this data key (Tink's 5-byte prefix). */
  public static int wrappingKeyId(byte[] wrappedDataKey) {
    return java.nio.ByteBuffer.wrap(wrappedDataKey, 1, 4).getInt();
  }

  public int primaryKeyId() {
    return keyEncryptionKey.getPrimary().getId();
  }

  /** The key-encryption key as an AEAD, for keysets Haven keeps encrypted in files. */
  public Aead keyEncryptionAead() {
    return wrapper;
  }

  public KeysetHandle keyEncryptionKey() {
    return keyEncryptionKey;
  }

  /**
   * The key-encryption key with a new AES-256-GCM key added as primary: new data keys are wrapped
   * by it, data keys wrapped by the older keys stay readable until they are rewrapped.
   */
  public static KeysetHandle withNewPrimary(KeysetHandle keyEncryptionKey)
      throws GeneralSecurityException {
    KeysetHandle.Builder keys = KeysetHandle.newBuilder(keyEncryptionKey);
    keys.addEntry(KeysetHandle.generateEntryFromParametersName("AES256_GCM").withRandomId());
    keys.getAt(keys.size() - 1).makePrimary();
    return keys.build();
  }

  /**
   * The key-encryption key with every key but the primary disabled: the last step of a rotation,
   * once no data key is wrapped by an older key. Disabled keys stay in the keyset (an operator may
   * re-enable one to read an old backup) but Tink no longer decrypts with them.
   */
  public static KeysetHandle withOnlyPrimaryEnabled(KeysetHandle keyEncryptionKey)
      throws GeneralSecurityException {
    KeysetHandle.Builder keys = KeysetHandle.newBuilder(keyEncryptionKey);
    for (int i = 0; i < keys.size(); i++) {
      if (!keys.getAt(i).isPrimary()) {
        keys.getAt(i).setStatus(KeyStatus.DISABLED);
      }
    }
    return keys.build();
  }

  /**
   * The keyset without its disabled keys, their material gone: what a finished rotation leaves once
   * the retired keys are destroyed. Refused while any key but the primary is still enabled, since
   * stored keys may still depend on it.
   */
  public static KeysetHandle withoutRetiredKeys(KeysetHandle keyEncryptionKey)
      throws GeneralSecurityException {
    KeysetHandle.Builder keys = KeysetHandle.newBuilder(keyEncryptionKey);
    for (int i = keys.size() - 1; i >= 0; i--) {
      KeysetHandle.Builder.Entry key = keys.getAt(i);
      if (key.isPrimary()) {
        continue;
      }
      if (key.getStatus() == KeyStatus.ENABLED) {
        throw new IllegalStateException(
            "key "
                + Integer.toUnsignedString(keyEncryptionKey.getAt(i).getId())
                + " is still enabled: retire the older keys (a finished rotation does) first");
      }
      keys.deleteAt(i);
    }
    return keys.build();
  }

  /** The ids of the keys a finished rotation retired (disabled, not yet destroyed). */
  public static List<Integer> retiredKeyIds(KeysetHandle keyEncryptionKey) {
    List<Integer> retired = new ArrayList<>();
    for (int i = 0; i < keyEncryptionKey.size(); i++) {
      KeysetHandle.Entry key = keyEncryptionKey.getAt(i);
      if (!key.isPrimary() && key.getStatus() == KeyStatus.DISABLED) {
        retired.add(key.getId());
      }
    }
    return retired;
  }

  /** Whether a key-encryption key id is in the keyset and enabled, i.e. can unwrap data keys. */
  public boolean canUnwrap(int keyId) {
    for (int i = 0; i < keyEncryptionKey.size(); i++) {
      KeysetHandle.Entry entry = keyEncryptionKey.getAt(i);
      if (entry.getId() == keyId) {
        return entry.getStatus() == KeyStatus.ENABLED;
      }
    }
    return false;
  }

  private byte[] wrap(KeysetHandle dataKey, String owner) throws GeneralSecurityException {
    byte[] serialized =
        TinkProtoKeysetFormat.serializeKeyset(dataKey, InsecureSecretKeyAccess.get());
    return wrapper.encrypt(serialized, dataKeyContext(owner));
  }

  private KeysetHandle unwrap(byte[] wrappedDataKey, String owner) throws GeneralSecurityException {
    byte[] serialized = wrapper.decrypt(wrappedDataKey, dataKeyContext(owner));
    return TinkProtoKeysetFormat.parseKeyset(serialized, InsecureSecretKeyAccess.get());
  }

  private Aead dataKey(byte[] wrappedDataKey, String owner) throws GeneralSecurityException {
    return unwrap(wrappedDataKey, owner).getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  private static byte[] dataKeyContext(String owner) {
    return (DATA_KEY_PURPOSE + owner).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] fieldContext(String record, String field) {
    return (FIELD_PURPOSE + record + "#" + field).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] contentContext(String record) {
    return (CONTENT_PURPOSE + record).getBytes(StandardCharsets.UTF_8);
  }
}
