package org.haven.keys.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.haven.crypto.boundary.FieldCrypto;

/**
 * One batch of a re-key per transaction: a handful of survivors get a new data key each, with
 * everything sealed with the old one sealed again and their indexes recomputed. Short transactions
 * keep each case locked only for its own batch, and a failure loses one batch only.
 */
@Stateless
@PermitAll
public class Rekeying {

  /** The survivors' data keys: owners {@code case:<case number>}. */
  static final String CASE_KEYS = "case:%";

  @PersistenceContext EntityManager em;
  @Inject FieldCrypto crypto;

  /** How many survivors' keys are of an epoch before {@code epoch}. */
  public long remaining(int epoch) {
    return em.createQuery(
            "select count(k) from DataKey k where k.owner like :cases and k.epoch < :epoch",
            Long.class)
        .setParameter("cases", CASE_KEYS)
        .setParameter("epoch", epoch)
        .getSingleResult();
  }

  /**
   * Up to {@code max} owners of survivors' keys of an earlier epoch, in their order after {@code
   * after}; empty once none is left after it.
   */
  public List<String> next(int epoch, String after, int max) {
    return em.createQuery(
            "select k.owner from DataKey k where k.owner like :cases and k.epoch < :epoch"
                + " and k.owner > :after order by k.owner",
            String.class)
        .setParameter("cases", CASE_KEYS)
        .setParameter("epoch", epoch)
        .setParameter("after", after)
        .setMaxResults(max)
        .getResultList();
  }

  /** Re-keys these survivors in one transaction; how many were re-keyed (not erased meanwhile). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int rekey(List<String> owners) {
    int done = 0;
    for (String owner : owners) {
      if (crypto.rekey(owner)) {
        done++;
      }
    }
    return done;
  }
}
