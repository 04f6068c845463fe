package org.haven.cases.boundary;

import java.util.List;
import java.util.Optional;
import org.haven.access.entity.StaffMember;
import org.haven.cases.entity.ExploitationProfile;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;

/**
 * A case as a user in scope sees it: the record with its protected fields opened. An erased case
 * has no survivor identity and no narrative left.
 */
public final class CaseFile {

  private final SurvivorCase record;
  private final SurvivorIdentity survivor;
  private final String narrative;
  private final List<PossibleDuplicate> possibleDuplicates;
  private final boolean unreadable;
  private boolean readOnly;
  private final ExploitationProfile exploitation;

  CaseFile(
      SurvivorCase record,
      SurvivorIdentity survivor,
      String narrative,
      List<PossibleDuplicate> possibleDuplicates) {
    this(record, survivor, narrative, possibleDuplicates, false);
  }

  private CaseFile(
      SurvivorCase record,
      SurvivorIdentity survivor,
      String narrative,
      List<PossibleDuplicate> possibleDuplicates,
      boolean unreadable) {
    this.unreadable = unreadable;
    this.record = record;
    // Read now, inside the boundary's transaction: the codes live in their own table, and the
    // staff a case names are loaded only when first asked for.
    this.exploitation = record.exploitation();
    for (Optional<StaffMember> named :
        List.of(
            record.riskAssessedBy(),
            record.currentCaseworker(),
            record.erasureRequestedBy(),
            record.erasedBy())) {
      named.map(StaffMember::getDisplayName);
    }
    this.survivor = survivor;
    this.narrative = narrative;
    this.possibleDuplicates = List.copyOf(possibleDuplicates);
  }

  /**
   * A case whose protected fields failed to decrypt (altered in the database): listed so that the
   * rest of a list stays usable, with nothing of its protected data.
   */
  static CaseFile unreadable(SurvivorCase record) {
    return new CaseFile(record, null, null, List.of(), true);
  }

  /** Opened by break-glass: the caller may read the case, not change it. */
  public boolean isReadOnly() {
    return readOnly;
  }

  CaseFile readOnly(boolean value) {
    readOnly = value;
    return this;
  }

  /** The exploitation profile (coded, not protected). */
  public ExploitationProfile getExploitation() {
    return exploitation;
  }

  public boolean isUnreadable() {
    return unreadable;
  }

  public SurvivorCase getRecord() {
    return record;
  }

  /** The survivor's identifying data; null once erased. */
  public SurvivorIdentity getSurvivor() {
    return survivor;
  }

  public String getNarrative() {
    return narrative;
  }

  /** Found at registration only: other cases that may be the same person. */
  public List<PossibleDuplicate> getPossibleDuplicates() {
    return possibleDuplicates;
  }

  public String getCaseNumber() {
    return record.getCaseNumber();
  }

  /** The name to show in lists; empty when unknown or erased. */
  public String getDisplayName() {
    return survivor == null ? "" : survivor.fullName();
  }

  @Override
  public String toString() {
    return "CaseFile[" + record.getCaseNumber() + "]";
  }
}
