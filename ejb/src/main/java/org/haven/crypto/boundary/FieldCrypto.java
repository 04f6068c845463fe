package org.haven.crypto.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.haven.crypto.control.BlindIndex;
import org.haven.crypto.control.CryptoFailure;
import org.haven.crypto.control.EnvelopeCrypto;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.PrfKeys;
import org.haven.crypto.entity.DataKey;

/**
 * The one crypto service: every protected field is sealed and opened, every blind index and keyed
 * hash computed, every data key made and destroyed here, under keys wrapped by the key-encryption
 * key ({@link KeyEncryptionKeys}). Callers pass owners ("case:HVN-…"), field names and the names of
 * their indexes and hash keys, never keys; this service knows nothing of what they protect.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrations", "KeyEncryptionKeys"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class FieldCrypto {

  /** Where the keys of blind indexes are stored in data_key, by index name. */
  private static final String INDEX_OWNER = "index:";

  @PersistenceContext EntityManager em;
  @Inject KeyEncryptionKeys kek;
  @Inject PrfKeys prfKeys;

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

  /** The blind index of an already normalised value; null for a blank one. */
  public String blindIndex(String index, String normalised) {
    try {
      return prf(INDEX_OWNER + index).of(normalised);
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("cannot compute the " + index + " index", e);
    }
  }

  /**
   * A keyed hash (hex, 256 bits) under the key stored for {@code keyOwner}, made on first use:
   * without the key, which only the key-encryption key unwraps, nobody can forge one.
   */
  public UnaryOperator<String> keyedHash(String keyOwner) {
    return content -> {
      try {
        return prf(keyOwner).full(content);
      } catch (GeneralSecurityException e) {
        throw new CryptoFailure("cannot compute a keyed hash", e);
      }
    };
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
                new DataKey(owner, wrapped, EnvelopeCrypto.wrappingKeyId(wrapped)));
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
      em.persist(new DataKey(owner, wrapped, envelope.primaryKeyId()));
      return envelope.fieldCipher(wrapped, owner);
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("cannot make a data key for " + owner, e);
    }
  }

  /** The cipher of an owner's fields; empty once their data key was destroyed (erased). */
  public Optional<FieldCipher> cipherOf(String owner) {
    DataKey key = em.find(DataKey.class, owner);
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
      FieldCipher cipher = kek.envelope().fieldCipher(key.getWrapped(), owner);
      if (opened.size() >= OPENED_KEYS) {
        opened.clear();
      }
      opened.put(owner, new OpenedKey(key.getWrapped().clone(), cipher, now + OPENED_KEY_NANOS));
      return Optional.of(cipher);
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("cannot unwrap the data key of " + owner, e);
    }
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
