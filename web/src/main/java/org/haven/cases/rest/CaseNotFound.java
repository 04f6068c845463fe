package org.haven.cases.rest;

import jakarta.ws.rs.NotFoundException;

/** A case that does not exist, or is out of the caller's scope: the same 404 either way. */
final class CaseNotFound {

  private CaseNotFound() {}

  static NotFoundException of(String caseNumber) {
    return new NotFoundException("No case " + caseNumber);
  }
}
