package org.haven.keys.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.haven.crypto.boundary.KeyEncryptionKeys;
import org.haven.crypto.entity.DataKey;

/**
 * One batch of a key rotation per transaction: short transactions keep row locks brief, so cases
 * stay usable while thousands of data keys are rewrapped, and a failure loses one batch only.
 */
@Stateless
@PermitAll
public class Rewrapping {

  @PersistenceContext EntityManager em;
  @Inject KeyEncryptionKeys crypto;

  /** How many stored keys are not wrapped by this key-encryption key. */
  public long remaining(int primary) {
    return em.createQuery("select count(k) from DataKey k where k.kekId <> :primary", Long.class)
        .setParameter("primary", (long) primary)
        .getSingleResult();
  }

  /**
   * Rewraps up to {@code max} keys still wrapped by another key than {@code primary}; locked, so an
   * erasure deleting one of them waits rather than fails. Returns how many it rewrapped.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int rewrapBatch(int primary, int max) {
    List<DataKey> batch =
        em.createQuery(
                "select k from DataKey k where k.kekId <> :primary order by k.owner", DataKey.class)
            .setParameter("primary", (long) primary)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setMaxResults(max)
            .getResultList();
    batch.forEach(crypto::rewrap);
    return batch.size();
  }
}
