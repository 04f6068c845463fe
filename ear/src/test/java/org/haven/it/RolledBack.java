package org.haven.it;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.haven.audit.boundary.AuditTrail;

/** Inside the server: a transaction that records an audit event and then fails, as a change can. */
@Stateless
@PermitAll
public class RolledBack {

  /** Thrown to roll the transaction back. */
  @ApplicationException(rollback = true)
  public static class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @Inject AuditTrail audit;

  public void recordThenFail(AuditTrail.Entry entry) {
    audit.record(entry);
    throw new Failure();
  }
}
