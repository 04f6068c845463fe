package org.haven.crypto.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.haven.crypto.entity.DataKey;

/**
 * Stores a new keyed-hash key (wrapped) in a transaction of its own: a key is used only once it is
 * committed, so a rolled-back request can never leave digests under a key that was not kept.
 */
@Stateless
@PermitAll
public class PrfKeys {

  @PersistenceContext EntityManager em;

  /** The stored key of this owner, or the given one stored now if there is none yet. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public DataKey storeIfAbsent(DataKey created) {
    DataKey stored = em.find(DataKey.class, created.getOwner());
    if (stored != null) {
      return stored;
    }
    em.persist(created);
    return created;
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<DataKey> find(String owner) {
    return Optional.ofNullable(em.find(DataKey.class, owner));
  }
}
