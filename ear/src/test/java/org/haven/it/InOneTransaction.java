package org.haven.it;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.haven.audit.boundary.AuditTrail;

/** Inside the server: audit events written in one transaction, as a change writes its event. */
@Stateless
@PermitAll
public class InOneTransaction {

  @Inject AuditTrail audit;

  public void record(AuditTrail.Entry entry, int times) {
    for (int i = 0; i < times; i++) {
      audit.record(entry);
    }
  }
}
