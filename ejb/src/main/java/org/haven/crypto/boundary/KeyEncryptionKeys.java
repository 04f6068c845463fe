package org.haven.crypto.boundary;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.crypto.control.CryptoFailure;
import org.haven.crypto.control.EnvelopeCrypto;
import org.haven.crypto.control.KeyEncryptionKeyStore;
import org.haven.crypto.entity.DataKey;
import org.haven.database.control.AfterTransaction;

/**
 * The key-encryption key: loaded at start from outside the database (Haven does not start without
 * one), used to wrap every stored key, and rotated here. {@link FieldCrypto} seals with the keys it
 * wraps; the key administration rotates it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class KeyEncryptionKeys {

  private static final Logger LOG = Logger.getLogger(KeyEncryptionKeys.class.getName());

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "haven.kek.file")
  Optional<String> keyFile;

  @Inject
  @ConfigProperty(name = "haven.kek")
  Optional<String> inlineKey;

  @Inject
  @ConfigProperty(name = "haven.demo", defaultValue = "false")
  boolean demo;

  @Inject
  @ConfigProperty(name = "haven.data.dir", defaultValue = "data")
  String dataDirectory;

  /** Swapped whole at a rotation, so every use sees one consistent key. */
  private volatile EnvelopeCrypto envelope;

  private KeyEncryptionKeyStore store;

  /**
   * Keysets Haven keeps in files outside the database, encrypted by the key-encryption key (the
   * audit checkpoints' signing key): encrypted again under the new key before a rotation retires
   * the old one.
   */
  private final Map<Path, String> keysetFiles = new ConcurrentHashMap<>();

  /** Keys being wrapped in still open transactions, by the key-encryption key they used. */
  private final Map<Integer, AtomicInteger> wrapsInFlight = new ConcurrentHashMap<>();

  /** A key-encryption key as the admin page shows it: id, status, primary. */
  public record KeyInfo(String id, String status, boolean primary) {

    // Getters for pages: Expression Language 5 does not read record components.
    @JsonbTransient
    public String getId() {
      return id;
    }

    @JsonbTransient
    public String getStatus() {
      return status;
    }

    @JsonbTransient
    public boolean isPrimary() {
      return primary;
    }
  }

  @PostConstruct
  void start() {
    try {
      store = KeyEncryptionKeyStore.configured(keyFile, inlineKey, demo, Path.of(dataDirectory));
      envelope = new EnvelopeCrypto(store.load(demo));
      LOG.info(
          "Field encryption ready: key-encryption key from "
              + store.describe()
              + ", primary key "
              + Integer.toUnsignedString(envelope.primaryKeyId()));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot load the key-encryption key: " + e.getMessage(), e);
    }
  }

  /** The envelope to unwrap stored keys with. */
  public EnvelopeCrypto envelope() {
    return envelope;
  }

  /**
   * The envelope to wrap a new key with, the wrapping counted until the transaction ends, so that a
   * rotation never retires a key that an uncommitted wrapped key still depends on.
   */
  public EnvelopeCrypto forNewKey() {
    EnvelopeCrypto current;
    AtomicInteger inFlight;
    // Reading the key and counting the wrap happen together, so a rotation waiting for wraps with
    // an older key either sees this one counted or finds the new key in use.
    synchronized (this) {
      current = envelope;
      inFlight = wrapsInFlight.computeIfAbsent(current.primaryKeyId(), k -> new AtomicInteger());
      inFlight.incrementAndGet();
    }
    AfterTransaction.onEnd(transactions, status -> inFlight.decrementAndGet());
    return current;
  }

  /** Fails with what to do when a stored key was wrapped by a key this one does not hold. */
  public void requireCanUnwrap(DataKey stored) {
    if (!envelope.canUnwrap(stored.getKekId())) {
      throw new IllegalStateException(
          "The configured key-encryption key ("
              + store.describe()
              + ") cannot unwrap Haven's keys: they were wrapped by key "
              + Integer.toUnsignedString(stored.getKekId())
              + ", which it does not hold or has disabled. Is HAVEN_KEK_FILE the key this"
              + " database was created with?");
    }
  }

  /** Whether Haven can store a rotated key itself (a key file, not HAVEN_KEK). */
  public boolean canRotate() {
    return store.writable();
  }

  public String keySource() {
    return store.describe();
  }

  public int primaryKeyId() {
    return envelope.primaryKeyId();
  }

  /** The key-encryption keys, without key material. */
  public List<KeyInfo> keyEncryptionKeys() {
    var handle = envelope.keyEncryptionKey();
    List<KeyInfo> info = new ArrayList<>();
    for (int i = 0; i < handle.size(); i++) {
      var entry = handle.getAt(i);
      info.add(
          new KeyInfo(
              Integer.toUnsignedString(entry.getId()),
              entry.getStatus().toString(),
              entry.isPrimary()));
    }
    return info;
  }

  /**
   * Adds a new primary key-encryption key, stores it, and uses it from now on for new keys. Keys
   * wrapped by older ones stay readable until they are rewrapped.
   */
  public synchronized int addPrimaryKey() {
    try {
      EnvelopeCrypto rotated =
          new EnvelopeCrypto(EnvelopeCrypto.withNewPrimary(envelope.keyEncryptionKey()));
      store.save(rotated.keyEncryptionKey());
      envelope = rotated;
      LOG.info(
          "Key rotation: new primary key-encryption key "
              + Integer.toUnsignedString(rotated.primaryKeyId()));
      return rotated.primaryKeyId();
    } catch (GeneralSecurityException | IOException e) {
      throw new CryptoFailure("cannot store the new key-encryption key", e);
    }
  }

  /** Wraps one stored key again under the primary key-encryption key. */
  public void rewrap(DataKey key) {
    EnvelopeCrypto current = envelope;
    try {
      key.rewrapped(current.rewrap(key.getWrapped(), key.getOwner()), current.primaryKeyId());
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("cannot rewrap the key of " + key.getOwner(), e);
    }
  }

  /**
   * Waits until no transaction is still wrapping a key with an older key-encryption key, so that a
   * last rewrap pass sees every key that will ever be wrapped by one.
   */
  public void awaitWrapsWithOlderKeys(Duration patience) throws InterruptedException {
    int primary = primaryKeyId();
    Instant deadline = Instant.now().plus(patience);
    while (olderWrapsInFlight(primary)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("transactions still wrap data keys with an older key");
      }
      Thread.sleep(50);
    }
  }

  private synchronized boolean olderWrapsInFlight(int primary) {
    return wrapsInFlight.entrySet().stream()
        .anyMatch(e -> e.getKey() != primary && e.getValue().get() > 0);
  }

  /**
   * A keyset kept in a file outside the database, encrypted by the key-encryption key; created from
   * the Tink template on first use. {@code purpose} binds the file to its use.
   */
  public synchronized KeysetHandle keysetFile(Path file, String template, String purpose) {
    try {
      Aead kek = envelope.keyEncryptionAead();
      KeysetHandle handle;
      if (Files.exists(file)) {
        handle =
            TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
                Files.readString(file, StandardCharsets.UTF_8),
                kek,
                purpose.getBytes(StandardCharsets.UTF_8));
        // Under the primary key from now on, should an offline rotation retire the old one.
        writeKeysetFile(file, handle, kek, purpose);
      } else {
        handle = KeysetHandle.generateNew(KeyTemplates.get(template));
        writeKeysetFile(file, handle, kek, purpose);
      }
      keysetFiles.put(file, purpose);
      return handle;
    } catch (GeneralSecurityException | IOException e) {
      throw new CryptoFailure("cannot read or create the keyset in " + file, e);
    }
  }

  private static void writeKeysetFile(Path file, KeysetHandle handle, Aead kek, String purpose)
      throws GeneralSecurityException, IOException {
    KeyEncryptionKeyStore.writeOwnerOnly(
        file,
        TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(
            handle, kek, purpose.getBytes(StandardCharsets.UTF_8)));
  }

  /** The ids of the retired key-encryption keys whose material is still in the key file. */
  public List<String> retiredKeyIds() {
    return EnvelopeCrypto.retiredKeyIds(envelope.keyEncryptionKey()).stream()
        .map(Integer::toUnsignedString)
        .toList();
  }

  /**
   * Removes the retired keys' material from the key file: after this, nothing Haven holds can
   * unwrap what they wrapped, old database backups included (the point, for an erasure). The caller
   * checks first that no stored key still depends on them.
   */
  public synchronized List<String> destroyRetiredKeys() {
    if (!store.writable()) {
      throw new IllegalStateException(
          "the key-encryption key comes from HAVEN_KEK, which Haven cannot change");
    }
    List<String> retired = retiredKeyIds();
    try {
      EnvelopeCrypto kept =
          new EnvelopeCrypto(EnvelopeCrypto.withoutRetiredKeys(envelope.keyEncryptionKey()));
      store.save(kept.keyEncryptionKey());
      envelope = kept;
      LOG.info("Key rotation: retired key-encryption keys destroyed: " + retired);
      return retired;
    } catch (GeneralSecurityException | IOException e) {
      throw new CryptoFailure("cannot store the key-encryption key", e);
    }
  }

  /** Disables every key-encryption key but the primary, once none is needed any more. */
  public synchronized void retireOlderKeys() {
    try {
      Aead current = envelope.keyEncryptionAead();
      for (Map.Entry<Path, String> file : keysetFiles.entrySet()) {
        KeysetHandle handle =
            TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
                Files.readString(file.getKey(), StandardCharsets.UTF_8),
                current,
                file.getValue().getBytes(StandardCharsets.UTF_8));
        writeKeysetFile(file.getKey(), handle, current, file.getValue());
      }
      EnvelopeCrypto retired =
          new EnvelopeCrypto(EnvelopeCrypto.withOnlyPrimaryEnabled(envelope.keyEncryptionKey()));
      store.save(retired.keyEncryptionKey());
      envelope = retired;
      LOG.info("Key rotation: older key-encryption keys disabled");
    } catch (GeneralSecurityException | IOException e) {
      throw new CryptoFailure("cannot store the key-encryption key", e);
    }
  }
}
