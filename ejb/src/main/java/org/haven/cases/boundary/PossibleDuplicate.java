package org.haven.cases.boundary;

import jakarta.json.bind.annotation.JsonbTransient;

/**
 * A case that may be about the same survivor. It names the case only when the user may open it;
 * otherwise it says where to ask, and nothing else.
 */
public record PossibleDuplicate(String caseNumber, String message) {

  static PossibleDuplicate visible(String caseNumber, String why) {
    return new PossibleDuplicate(
        caseNumber, "Case " + caseNumber + " may be the same person (" + why + ").");
  }

  static PossibleDuplicate inYourTeam() {
    return new PossibleDuplicate(
        null, "a possible match exists in your team — ask your supervisor");
  }

  static PossibleDuplicate inAnotherTeam() {
    return new PossibleDuplicate(
        null, "a possible match exists in another team — ask your supervisor");
  }

  /** For pages (Expression Language 5 does not read record components). */
  @JsonbTransient
  public String getCaseNumber() {
    return caseNumber;
  }

  @JsonbTransient
  public String getMessage() {
    return message;
  }
}
