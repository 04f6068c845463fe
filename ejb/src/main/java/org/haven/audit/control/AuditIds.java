package org.haven.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Hands out audit event ids in blocks of {@link #BLOCK} from the database sequence {@code
 * audit_event_id_seq}: unique across every server that shares the database, without a lock held to
 * the end of anyone's transaction. Ids leave gaps (a rolled-back event, a block a stopped server
 * did not use up); the order of the chain is the sequencer's, not the ids'.
 */
@ApplicationScoped
public class AuditIds {

  static final String SEQUENCE = "audit_event_id_seq";

  /** The sequence's increment (migration V12): each value starts a block of this many ids. */
  static final int BLOCK = 50;

  @PersistenceContext EntityManager em;

  private long next;
  private long end;

  public synchronized long next() {
    if (next == end) {
      next = nextBlock();
      end = next + BLOCK;
    }
    return next++;
  }

  private long nextBlock() {
    String sql =
        em.getEntityManagerFactory()
            .unwrap(SessionFactoryImplementor.class)
            .getJdbcServices()
            .getDialect()
            .getSequenceSupport()
            .getSequenceNextValString(SEQUENCE);
    // No flush of the caller's changes: the sequence is all this reads.
    return ((Number) em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT).getSingleResult())
        .longValue();
  }
}
