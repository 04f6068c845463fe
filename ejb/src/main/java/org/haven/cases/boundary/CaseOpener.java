package org.haven.cases.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.crypto.boundary.FieldCrypto;
import org.haven.crypto.control.CryptoFailure;

/**
 * Opens a case's protected fields into a {@link CaseFile}, for a caller the boundary already found
 * to be in scope: the one place that turns a record into what a user sees.
 */
@Dependent
class CaseOpener {

  private static final Logger LOG = Logger.getLogger(CaseOpener.class.getName());

  @Inject FieldCrypto crypto;
  @Inject CaseRecords records;

  CaseFile open(SurvivorCase c) {
    return open(c, List.of());
  }

  CaseFile open(SurvivorCase c, List<PossibleDuplicate> duplicates) {
    return opened(c, true, duplicates).readOnly(records.onlyByBreakGlass(c));
  }

  /**
   * A row of a list: what a list shows (the names, the coded fields), not the narrative, address,
   * phones or documents, which are neither opened nor sent; and one damaged case must not make a
   * whole list unusable.
   */
  CaseFile openForList(SurvivorCase c) {
    try {
      return opened(c, false, List.of());
    } catch (CryptoFailure damaged) {
      LOG.log(
          Level.SEVERE,
          "Listing case " + c.getCaseNumber() + " without its protected data",
          damaged);
      return CaseFile.unreadable(c);
    }
  }

  private CaseFile opened(SurvivorCase c, boolean whole, List<PossibleDuplicate> duplicates) {
    if (c.isErased()) {
      return new CaseFile(c, null, null, duplicates);
    }
    // Cases registered before encryption have no data key and nothing protected to open.
    return crypto
        .cipherOf(c.dataKeyOwner())
        .map(
            cipher ->
                whole
                    ? new CaseFile(c, c.identity(cipher), c.narrative(cipher), duplicates)
                    : new CaseFile(c, c.names(cipher), null, duplicates))
        .orElseGet(() -> new CaseFile(c, new SurvivorIdentity(), null, duplicates));
  }
}
