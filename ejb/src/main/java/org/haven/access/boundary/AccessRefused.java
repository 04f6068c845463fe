package org.haven.access.boundary;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJBAccessException;

/**
 * A refusal {@link AccessPolicy} decided: an application exception, so that it reaches the caller
 * as it is (a 403, an error page), rolls the transaction back, and is not logged as a failure of
 * the server: a refusal is Haven working, and the audit trail records it.
 */
@ApplicationException(rollback = true)
public class AccessRefused extends EJBAccessException {

  private static final long serialVersionUID = 1L;

  AccessRefused(String reason) {
    super(reason);
  }
}
