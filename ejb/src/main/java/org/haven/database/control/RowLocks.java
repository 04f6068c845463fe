package org.haven.database.control;

import jakarta.persistence.EntityManager;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * A row locked so that a count per person holds under concurrent requests. On PostgreSQL it is
 * {@code FOR NO KEY UPDATE}, not {@code FOR UPDATE}: the transaction goes on to insert rows that
 * reference other people (notices to supervisors), and theirs may reference this person; a full
 * {@code FOR UPDATE} would block those foreign-key checks, and two such transactions could
 * deadlock.
 */
public final class RowLocks {

  private RowLocks() {}

  /** Locks the row with this id of one of Haven's tables (a constant, never user input). */
  public static void lockForCounting(EntityManager em, String table, long id) {
    boolean postgres =
        em.getEntityManagerFactory()
                .unwrap(SessionFactoryImplementor.class)
                .getJdbcServices()
                .getDialect()
            instanceof PostgreSQLDialect;
    em.createNativeQuery(
            "select id from "
                + table
                + " where id = :id"
                + (postgres ? " for no key update" : " for update"))
        .setParameter("id", id)
        .getResultList();
  }
}
