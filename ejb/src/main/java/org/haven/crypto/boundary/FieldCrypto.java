package org.haven.crypto.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.haven.crypto.control.BlindIndex;
import org.haven.crypto.control.CryptoFailure;
import org.haven.crypto.control.EnvelopeCrypto;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.KeyEpochs;
import org.haven.crypto.control.PrfKeys;
import org.haven.crypto.control.Resealing;
import org.haven.crypto.entity.DataKey;

/**
 * The one crypto service: every protected field is sealed and opened, every blind index and keyed
 * hash computed, every data key made and destroyed here, under keys wrapped by the key-encryption
 * key ({@link KeyEncryptionKeys}). Callers pass owners ("case:HVN-…"), field names and the names of
 * their indexes and hash keys, never keys; this service knows nothing of what they protect.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrations", "KeyEncryptionKeys", "KeyEpochs"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class FieldCrypto {

  /** Where the keys of blind indexes are stored in data_key, by index name. */
  private static final String INDEX_OWNER = KeyEpochs.INDEX_OWNER;

  /** How the owner of a keyed-hash key of a later epoch is named: {@code index:NAME@2}. */
  private static final String EPOCH_SEPARATOR = "@";

  @PersistenceContext EntityManager em;
  @Inject KeyEncryptionKeys kek;
  @Inject PrfKeys prfKeys;
  @Inject Event<Resealing> resealing;
  @Inject KeyEpochs epochs;

  /** Keyed PRFs by the owner of their stored key; independent of key-encryption key rotations. */
  private final Map<String, BlindIndex> prfs = new ConcurrentHashMap<>();

  /**
   * Data keys unwrapped in the last minute, by owner, as envelope-encryption libraries cache them
   * (the AWS Encryption SDK's caching materials manager): a list page opens the same cases again
   * and again, and unwrapping a key costs more than opening its fields. An entry serves only the
   * wrapped key it came from (a rewrap makes a new one) and goes when its key is destroyed.
   */
  private final Map<String, OpenedKey> opened = new ConcurrentHashMap<>();

  private static final int OPENED_KEYS = 2_000;
  private static final long OPENED_KEY_NANOS = 60_000_000_000L;

  private record OpenedKey(byte[] wrapped, FieldCipher cipher, long until) {}

  /**
   * Opens the keys of the existing indexes now, so that Haven refuses to start with a
   * key-encryption key that cannot unwrap them rather than fail at the first search.
   */
  @PostConstruct
  void start() {
    em.createQuery("select k from DataKey k where k.owner like :prefix", DataKey.class)
        .setParameter("prefix", INDEX_OWNER + "%")
        .getResultList()
        .forEach(stored -> prfs.put(stored.getOwner(), opened(stored)));
  }

  /** The blind index of an already normalised value, to store; null for a blank one. */
  public String blindIndex(String index, String normalised) {
    return blindIndex(index, normalised, epochs.current());
  }

  /**
   * Every index of a value a stored one may carry, to look it up: one, or during a re-key also the
   * previous epoch's. Empty for a blank value.
   */
  public List<String> blindIndexes(String index, String normalised) {
    KeyEpochs.Snapshot now = epochs.snapshot();
    int current = now.current();
    boolean rekeying = now.rekeying();
    List<String> digests = new ArrayList<>(2);
    String digest = blindIndex(index, normalised, current);
    if (digest == null) {
      return digests;
    }
    digests.add(digest);
    if (rekeying) {
      digests.add(blindIndex(index, normalised, current - 1));
    }
    return digests;
  }

  private String blindIndex(String index, String normalised, int epoch) {
    try {
      return prf(inEpoch(INDEX_OWNER + index, epoch)).of(normalised);
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("cannot compute the " + index + " index", e);
    }
  }

  /** The key epoch new keys and audit events belong to. */
  public int currentEpoch() {
    return epochs.current();
  }

  /** Whether a re-key runs: stored index entries may then be under the previous epoch's keys. */
  public boolean rekeying() {
    return epochs.snapshot().rekeying();
  }

  /**
   * A keyed hash (hex, 256 bits) under the key stored for {@code keyOwner} in a key epoch, made on
   * first use: without the key, which only the key-encryption key unwraps, nobody can forge one.
   */
  public UnaryOperator<String> keyedHash(String keyOwner, int epoch) {
    BlindIndex key = prf(inEpoch(keyOwner, epoch));
    return content -> {
      try {
        return key.full(content);
      } catch (GeneralSecurityException e) {
        throw new CryptoFailure("cannot compute a keyed hash", e);
      }
    };
  }

  /** Like {@link #keyedHash(String, int)}, only if that key exists (a verifier makes none). */
  public Optional<UnaryOperator<String>> existingKeyedHash(String keyOwner, int epoch) {
    String owner = inEpoch(keyOwner, epoch);
    if (!prfs.containsKey(owner) && prfKeys.find(owner).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(keyedHash(keyOwner, epoch));
  }

  /** The owner of a keyed-hash key in an epoch: epoch 0 keeps the name it always had. */
  private static String inEpoch(String owner, int epoch) {
    return epoch == 0 ? owner : owner + EPOCH_SEPARATOR + epoch;
  }

  private static int epochOf(String owner) {
    int at = owner.lastIndexOf(EPOCH_SEPARATOR);
    return at < 0 ? 0 : Integer.parseInt(owner.substring(at + 1));
  }

  private BlindIndex prf(String owner) {
    return prfs.computeIfAbsent(owner, this::loadOrCreate);
  }

  private BlindIndex loadOrCreate(String owner) {
    try {
      DataKey stored;
      try {
        byte[] wrapped = kek.forNewKey().wrapKey(BlindIndex.newKey(), owner);
        stored =
            prfKeys.storeIfAbsent(
                new DataKey(owner, wrapped, EnvelopeCrypto.wrappingKeyId(wrapped), epochOf(owner)));
      } catch (EJBException anotherServerStoredItFirst) {
        stored = prfKeys.find(owner).orElseThrow(() -> anotherServerStoredItFirst);
      }
      return opened(stored);
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("cannot make the key of " + owner, e);
    }
  }

  private BlindIndex opened(DataKey stored) {
    kek.requireCanUnwrap(stored);
    try {
      return new BlindIndex(kek.envelope().unwrapKey(stored.getWrapped(), stored.getOwner()));
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("cannot unwrap the key of " + stored.getOwner(), e);
    }
  }

  /**
   * A new data key for an owner, stored wrapped; the cipher to seal their first fields with. The
   * wrapping is counted until the transaction ends ({@link KeyEncryptionKeys#forNewKey()}).
   */
  public FieldCipher newDataKey(String owner) {
    EnvelopeCrypto envelope = kek.forNewKey();
    try {
      byte[] wrapped = envelope.newDataKey(owner);
      em.persist(new DataKey(owner, wrapped, envelope.primaryKeyId(), epochs.forNewKey()));
      return envelope.fieldCipher(wrapped, owner);
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("cannot make a data key for " + owner, e);
    }
  }

  /** The cipher of an owner's fields; empty once their data key was destroyed (erased). */
  public Optional<FieldCipher> cipherOf(String owner) {
    return cipher(owner, em.find(DataKey.class, owner));
  }

  /**
   * The cipher to seal an owner's new values with: their key read anew and share-locked to the end
   * of the transaction, so a re-key of the owner either comes after this change (and reseals it) or
   * before it (and this change seals with the new key), never in between.
   */
  public Optional<FieldCipher> cipherForChange(String owner) {
    DataKey key = em.find(DataKey.class, owner);
    if (key != null) {
      em.refresh(key, LockModeType.PESSIMISTIC_READ);
    }
    return cipher(owner, key);
  }

  /**
   * Share-locks an owner's key to the end of the transaction, before a change writes any of their
   * rows (see {@link #cipherForChange}). True if the key read before was replaced meanwhile (a
   * re-key committed): values read before then are sealed with a key that is gone.
   */
  public boolean lockForChange(String owner) {
    DataKey key = em.find(DataKey.class, owner);
    if (key == null) {
      return false;
    }
    byte[] before = key.getWrapped();
    em.refresh(key, LockModeType.PESSIMISTIC_READ);
    return !Arrays.equals(before, key.getWrapped());
  }

  private Optional<FieldCipher> cipher(String owner, DataKey key) {
    if (key == null) {
      opened.remove(owner);
      return Optional.empty();
    }
    long now = System.nanoTime();
    OpenedKey known = opened.get(owner);
    if (known != null
        && now - known.until() < 0
        && Arrays.equals(known.wrapped(), key.getWrapped())) {
      return Optional.of(known.cipher());
    }
    try {
      byte[] wrapped = key.getWrapped().clone();
      FieldCipher cipher =
          kek.envelope().fieldCipher(wrapped, owner, () -> replacementOf(owner, wrapped));
      if (opened.size() >= OPENED_KEYS) {
        opened.clear();
      }
      opened.put(owner, new OpenedKey(wrapped, cipher, now + OPENED_KEY_NANOS));
      return Optional.of(cipher);
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("cannot unwrap the data key of " + owner, e);
    }
  }

  /**
   * The owner's cipher as stored now, if their key is no longer {@code wrapped}: a reader who read
   * the key just before a re-key committed meets values already sealed with the new one.
   */
  private FieldCipher replacementOf(String owner, byte[] wrapped) {
    List<byte[]> stored =
        em.createQuery("select k.wrapped from DataKey k where k.owner = :owner", byte[].class)
            .setParameter("owner", owner)
            .getResultList();
    if (stored.isEmpty() || Arrays.equals(stored.get(0), wrapped)) {
      return null;
    }
    try {
      return kek.envelope().fieldCipher(stored.get(0), owner);
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("cannot unwrap the data key of " + owner, e);
    }
  }

  /**
   * Gives an owner a new data key of the current epoch: every value sealed with the old one is
   * sealed again by the features that made it ({@link Resealing}), then the old key is gone. False
   * if the owner has no key (erased) or one of this epoch already. Locks the key to the end of the
   * transaction, so changes to the owner's values wait ({@link #cipherForChange}).
   */
  public boolean rekey(String owner) {
    DataKey key = em.find(DataKey.class, owner, LockModeType.PESSIMISTIC_WRITE);
    int epoch = epochs.current();
    if (key == null || key.getEpoch() >= epoch) {
      return false;
    }
    kek.requireCanUnwrap(key);
    EnvelopeCrypto envelope = kek.forNewKey();
    try {
      FieldCipher old = kek.envelope().fieldCipher(key.getWrapped(), owner);
      byte[] wrapped = envelope.newDataKey(owner);
      resealing.fire(new Resealing(owner, old, envelope.fieldCipher(wrapped, owner)));
      key.replaced(wrapped, envelope.primaryKeyId(), epoch);
      opened.remove(owner);
      return true;
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("cannot replace the data key of " + owner, e);
    }
  }

  /**
   * Ends a re-key once no survivor's key of an earlier epoch is left: the earlier epochs' index
   * keys are destroyed ({@link KeyEpochs#finish}) and forgotten here.
   */
  public void finishEpoch(int epoch) {
    epochs.finish(epoch).forEach(prfs::remove);
  }

  /** Destroys an owner's data key: whatever was sealed with it can never be opened again. */
  public boolean shred(String owner) {
    opened.remove(owner);
    DataKey key = em.find(DataKey.class, owner);
    if (key == null) {
      return false;
    }
    em.remove(key);
    return true;
  }
}
