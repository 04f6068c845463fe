package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.Staff;
import org.haven.access.entity.StaffMember;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.haven.cases.control.CaseNumbers;
import org.haven.cases.control.FollowUps;
import org.haven.cases.control.SurvivorIndexes;
import org.haven.cases.entity.CaseIndexEntry;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.crypto.boundary.FieldCrypto;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.database.control.RowLocks;
import org.haven.problems.InvalidField;
import org.haven.problems.TooMany;

/**
 * Registering a survivor's case, and the check for cases that may be about the same survivor that
 * the intake makes first.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseRegistration {

  public static final int MAX_NARRATIVE = 20_000;

  @PersistenceContext EntityManager em;

  @Inject CaseNumbers caseNumbers;
  @Inject AccessPolicy access;
  @Inject Staff staff;
  @Inject FieldCrypto crypto;
  @Inject SurvivorIndexes indexes;
  @Inject AuditTrail audit;
  @Inject FollowUps followUps;
  @Inject CaseOpener opener;
  @Inject DuplicateMatches duplicateMatches;

  @Inject
  @ConfigProperty(name = "haven.duplicate-check.hourly-limit", defaultValue = "60")
  int hourlyLimit;

  /**
   * Registers an intake as a new case in status OPEN of the caller's team, its survivor's identity
   * and narrative sealed with a new data key. A caseworker's case is theirs; a supervisor names a
   * caseworker of the team ({@code assignee}, a user name) or leaves the case unassigned for now.
   * The case file returned lists possible duplicates, as far as the caller may know of them.
   */
  public CaseFile register(
      @NotNull @Valid SurvivorCase intake,
      @Valid SurvivorIdentity identity,
      @Size(max = MAX_NARRATIVE, message = "must be at most " + MAX_NARRATIVE + " characters")
          String narrative,
      String assignee) {
    String team = access.teamForNewCases();
    StaffMember actor = access.actor();
    Instant now = Instant.now();
    StaffMember caseworker = caseworkerFor(team, actor, assignee);
    int epoch = crypto.currentEpoch();
    Set<CaseIndexEntry> searchable = indexes.of(identity);
    // Not limited like the check: a registration leaves a case in the team's list, and its matches
    // are told to the teams concerned, so probing by registering is loud, not silent.
    DuplicateMatches.Found matches = duplicateMatches.of(indexes.lookups(identity, searchable));
    List<PossibleDuplicate> duplicates = matches.shown();
    intake.register(caseNumbers.next(now), team);
    FieldCipher cipher = crypto.newDataKey(intake.dataKeyOwner());
    if (crypto.currentEpoch() != epoch) {
      // A re-key started meanwhile: indexed under the keys of an epoch no older than the data
      // key's, so the re-key either passes over the case or indexes it anew.
      searchable = indexes.of(identity);
    }
    intake.seal(cipher, identity, narrative, searchable);
    intake.assessRisk(intake.getRiskLevel(), actor, now);
    em.persist(intake);
    if (caseworker != null) {
      intake.assignTo(caseworker, actor, now);
    }
    followUps.registered(intake, now);
    em.flush();
    CaseFile registered = opener.open(intake, duplicates);
    audit.record(
        Entry.onCase(AuditAction.CASE_REGISTERED, intake.getCaseNumber())
            .details(
                "fields: "
                    + String.join(",", recordedFields(registered))
                    + "; assigned to: "
                    + (caseworker == null ? "nobody" : caseworker.getUsername())
                    + "; "
                    + matches.summary()));
    matches.tell("at a registration");
    return registered;
  }

  /**
   * Cases that may be about the same survivor: same name and date of birth, or same identity
   * document number. Named when the caller may open them; otherwise only where to ask. The check
   * tells whether someone is known anywhere in the organisation, so it is limited per person
   * ({@code HAVEN_DUPLICATE_CHECK_HOURLY_LIMIT}), audited with the cases it matched, and a match in
   * another team is told to that team's supervisors.
   */
  public List<PossibleDuplicate> possibleDuplicates(SurvivorIdentity identity) {
    if (!underHourlyLimit()) {
      throw overHourlyLimit();
    }
    DuplicateMatches.Found matches = duplicateMatches.of(indexes.lookups(identity));
    audit.record(Entry.of(AuditAction.DUPLICATES_CHECKED, "case", null).details(matches.summary()));
    matches.tell("checking before registering");
    return matches.shown();
  }

  /**
   * Whether the caller checked fewer times in the last hour than the limit. Counted in the audit
   * trail, so that it holds across servers; the caller's own row is locked so that checks sent at
   * once cannot all pass the count. Asked before the lookup, so that the answer says nothing about
   * the identity.
   */
  private boolean underHourlyLimit() {
    RowLocks.lockForCounting(em, "staff_member", access.actor().getId());
    return checksThisHour() < limit();
  }

  private long checksThisHour() {
    return audit.callerSuccessesSince(
        AuditAction.DUPLICATES_CHECKED, "case", Instant.now().minus(1, ChronoUnit.HOURS), limit());
  }

  private int limit() {
    return Math.max(1, hourlyLimit); // 0 or less would be a setting mistake, not "none"
  }

  private TooMany overHourlyLimit() {
    int limit = limit();
    long done = checksThisHour();
    audit.recordApart(
        Entry.of(AuditAction.DUPLICATES_CHECKED, "case", null)
            .outcome(Outcome.DENIED)
            .details("hourly limit of " + limit + " duplicate checks reached"));
    return new TooMany(
        "You have checked for duplicates "
            + done
            + " times in the last hour, the most Haven allows (HAVEN_DUPLICATE_CHECK_HOURLY_LIMIT = "
            + limit
            + "). You can still register the case: registering lists possible duplicates too.");
  }

  /** The names of the fields an intake filled in (names only: never their values). */
  private static List<String> recordedFields(CaseFile file) {
    List<String> fields = new ArrayList<>(List.of("riskLevel"));
    SurvivorIdentity id = file.getSurvivor();
    var coded = file.getRecord().getSurvivor();
    addIf(fields, file.getNarrative() != null, "narrative");
    addIf(fields, id.getGivenNames() != null, "survivor.givenNames");
    addIf(fields, id.getFamilyName() != null, "survivor.familyName");
    addIf(fields, !id.getAliases().isEmpty(), "survivor.aliases");
    addIf(fields, id.getBirthDate() != null, "survivor.birthDate");
    addIf(fields, coded.getAgeBand() != null, "survivor.ageBand");
    addIf(fields, coded.getSex() != null, "survivor.sex");
    addIf(fields, coded.getNationality() != null, "survivor.nationality");
    addIf(fields, !coded.getLanguages().isEmpty(), "survivor.languages");
    addIf(fields, !id.getPhones().isEmpty(), "survivor.phones");
    addIf(fields, id.getEmail() != null, "survivor.email");
    addIf(fields, id.getAddress() != null, "survivor.address");
    addIf(fields, id.getDocumentType() != null, "survivor.document.type");
    addIf(fields, id.getDocumentNumber() != null, "survivor.document.number");
    addIf(fields, id.getPlaceOfOrigin() != null, "survivor.placeOfOrigin");
    return fields;
  }

  private static void addIf(List<String> fields, boolean present, String name) {
    if (present) {
      fields.add(name);
    }
  }

  private StaffMember caseworkerFor(String team, StaffMember actor, String assignee) {
    if (access.supervises(team)) {
      if (assignee != null) {
        return staff
            .caseworkerOf(team, assignee)
            .orElseThrow(() -> notACaseworker("assignee", team));
      }
      return actor.isCaseworker() ? actor : null;
    }
    if (assignee != null && !assignee.equals(actor.getUsername())) {
      throw new InvalidField(
          "assignee",
          "caseworkers register cases for themselves; a supervisor can give them to someone else");
    }
    return actor;
  }

  static InvalidField notACaseworker(String field, String team) {
    return new InvalidField(field, "must be the user name of a caseworker of team " + team);
  }
}
