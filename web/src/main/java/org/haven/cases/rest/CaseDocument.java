package org.haven.cases.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.haven.access.entity.StaffMember;
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.PossibleDuplicate;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;

/**
 * A case as the API returns it to a user in scope, protected fields opened. {@code version} is the
 * optimistic-locking version; {@code possibleDuplicates} comes with a registration or a correction
 * only; {@code identityCorrectedAt} says when the survivor's details were last corrected; an erased
 * case keeps its coded fields and says so in {@code erasure}.
 */
@JsonbPropertyOrder({
  "caseNumber",
  "status",
  "pendingApproval",
  "riskLevel",
  "riskAssessedAt",
  "riskAssessedBy",
  "owningTeam",
  "assignee",
  "narrative",
  "survivor",
  "exploitation",
  "erasure",
  "possibleDuplicates",
  "identityCorrectedAt",
  "createdAt",
  "updatedAt",
  "version"
})
public record CaseDocument(
    String caseNumber,
    CaseStatus status,
    CaseStatus pendingApproval,
    RiskLevel riskLevel,
    Instant riskAssessedAt,
    StaffDocument riskAssessedBy,
    String owningTeam,
    StaffDocument assignee,
    String narrative,
    SurvivorDocument survivor,
    ExploitationDocument exploitation,
    ErasureDocument erasure,
    List<DuplicateDocument> possibleDuplicates,
    Instant identityCorrectedAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  @JsonbPropertyOrder({
    "givenNames",
    "familyName",
    "aliases",
    "birthDate",
    "ageBand",
    "sex",
    "nationality",
    "languages",
    "phones",
    "email",
    "address",
    "document",
    "placeOfOrigin"
  })
  public record SurvivorDocument(
      String givenNames,
      String familyName,
      List<String> aliases,
      LocalDate birthDate,
      String ageBand,
      Sex sex,
      String nationality,
      List<String> languages,
      List<String> phones,
      String email,
      String address,
      DocumentDocument document,
      String placeOfOrigin) {}

  public record DocumentDocument(String type, String number) {}

  /** A member of staff: the user name to send back, the name to show. */
  public record StaffDocument(String username, String displayName) {

    static StaffDocument of(StaffMember s) {
      return new StaffDocument(s.getUsername(), s.getDisplayName());
    }
  }

  /** Where an erasure stands: {@code REQUESTED} (awaiting a supervisor) or {@code ERASED}. */
  @JsonbPropertyOrder({"state", "reason", "requestedBy", "requestedAt", "erasedBy", "erasedAt"})
  public record ErasureDocument(
      String state,
      String reason,
      StaffDocument requestedBy,
      Instant requestedAt,
      StaffDocument erasedBy,
      Instant erasedAt) {}

  public record DuplicateDocument(String caseNumber, String message) {}

  static CaseDocument of(CaseFile file) {
    return of(file, null);
  }

  /**
   * The answer to a registration or a correction: with the possible duplicates found (an empty list
   * if none).
   */
  static CaseDocument registered(CaseFile file) {
    return of(file, duplicates(file.getPossibleDuplicates()));
  }

  private static CaseDocument of(CaseFile file, List<DuplicateDocument> duplicates) {
    return document(
        file.getRecord(),
        file.getNarrative(),
        survivor(file.getRecord().getSurvivor(), file.getSurvivor()),
        ExploitationDocument.of(file.getExploitation()),
        duplicates);
  }

  private static CaseDocument document(
      SurvivorCase c,
      String narrative,
      SurvivorDocument survivor,
      ExploitationDocument exploitation,
      List<DuplicateDocument> duplicates) {
    return new CaseDocument(
        c.getCaseNumber(),
        c.getStatus(),
        c.pendingApproval().orElse(null),
        c.getRiskLevel(),
        c.getRiskAssessedAt(),
        c.riskAssessedBy().map(StaffDocument::of).orElse(null),
        c.getOwningTeam(),
        c.currentCaseworker().map(StaffDocument::of).orElse(null),
        narrative,
        survivor,
        exploitation,
        erasure(c),
        duplicates,
        c.getIdentityCorrectedAt(),
        c.getCreatedAt(),
        c.getUpdatedAt(),
        c.getVersion());
  }

  /**
   * A row of a list: the case's own fields and the survivor's names and coded fields, nothing a
   * list does not show (no narrative, birth date, phones, e-mail, address, document, place of
   * origin, aliases, exploitation profile): less to send over a weak link, nothing to leak.
   */
  static CaseDocument listed(CaseFile file) {
    Survivor coded = file.getRecord().getSurvivor();
    SurvivorIdentity id = file.getSurvivor() == null ? new SurvivorIdentity() : file.getSurvivor();
    SurvivorDocument names =
        new SurvivorDocument(
            id.getGivenNames(),
            id.getFamilyName(),
            null,
            null,
            coded.getAgeBand() == null ? null : coded.getAgeBand().code(),
            coded.getSex(),
            coded.getNationality(),
            coded.getLanguages(),
            null,
            null,
            null,
            null,
            null);
    return document(file.getRecord(), null, names, null, null);
  }

  private static List<DuplicateDocument> duplicates(List<PossibleDuplicate> found) {
    return found.stream().map(d -> new DuplicateDocument(d.caseNumber(), d.message())).toList();
  }

  private static SurvivorDocument survivor(Survivor coded, SurvivorIdentity identity) {
    SurvivorIdentity id = identity == null ? new SurvivorIdentity() : identity;
    return new SurvivorDocument(
        id.getGivenNames(),
        id.getFamilyName(),
        id.getAliases(),
        id.getBirthDate(),
        coded.getAgeBand() == null ? null : coded.getAgeBand().code(),
        coded.getSex(),
        coded.getNationality(),
        coded.getLanguages(),
        id.getPhones(),
        id.getEmail(),
        id.getAddress(),
        id.getDocumentType() == null && id.getDocumentNumber() == null
            ? null
            : new DocumentDocument(
                id.getDocumentType() == null ? null : id.getDocumentType().name(),
                id.getDocumentNumber()),
        id.getPlaceOfOrigin());
  }

  private static ErasureDocument erasure(SurvivorCase c) {
    if (!c.isErased() && !c.isErasureRequested()) {
      return null;
    }
    return new ErasureDocument(
        c.isErased() ? "ERASED" : "REQUESTED",
        c.getErasureReason() == null ? null : c.getErasureReason().name(),
        c.erasureRequestedBy().map(StaffDocument::of).orElse(null),
        c.getErasureRequestedAt(),
        c.erasedBy().map(StaffDocument::of).orElse(null),
        c.getErasedAt());
  }
}
