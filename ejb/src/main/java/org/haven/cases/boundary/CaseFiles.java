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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.CaseScope;
import org.haven.access.boundary.Staff;
import org.haven.access.entity.StaffMember;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.haven.cases.control.CaseLifecycle;
import org.haven.cases.control.CaseListing;
import org.haven.cases.control.CaseNumbers;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.control.FollowUps;
import org.haven.cases.control.SurvivorIndexes;
import org.haven.cases.entity.BreakGlassAccess;
import org.haven.cases.entity.BreakGlassPurpose;
import org.haven.cases.entity.CaseIndexEntry;
import org.haven.cases.entity.CaseNote;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.CaseStatusChange;
import org.haven.cases.entity.ErasureReason;
import org.haven.cases.entity.ExploitationProfile;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.StatusChangeKind;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.crypto.boundary.FieldCrypto;
import org.haven.crypto.control.CryptoFailure;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.SearchIndex;
import org.haven.paging.Page;
import org.haven.paging.PageRequest;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;

/**
 * The case files of survivors: registering a case, opening one by its number, listing them,
 * choosing who works on them. Every view and REST resource goes through here; this is where the
 * transaction starts and where {@link AccessPolicy}'s scope is applied to every query, so that a
 * case outside the caller's scope is exactly as absent as a case that does not exist.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseFiles {

  private static final Logger LOG = Logger.getLogger(CaseFiles.class.getName());

  @PersistenceContext EntityManager em;

  @Inject CaseNumbers caseNumbers;
  @Inject AccessPolicy access;
  @Inject Staff staff;
  @Inject FieldCrypto crypto;
  @Inject SurvivorIndexes indexes;
  @Inject AuditTrail audit;
  @Inject CaseRecords records;
  @Inject FollowUps followUps;
  @Inject CaseListing listing;

  public static final int MAX_NARRATIVE = 20_000;

  /** How long a break-glass opening lasts. */
  public static final long BREAK_GLASS_MINUTES = 60;

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
    Set<CaseIndexEntry> searchable = indexes.of(identity);
    List<PossibleDuplicate> duplicates = duplicatesOf(searchable);
    intake.register(caseNumbers.next(now), team);
    FieldCipher cipher = crypto.newDataKey(intake.dataKeyOwner());
    intake.seal(cipher, identity, narrative, searchable);
    intake.assessRisk(intake.getRiskLevel(), actor, now);
    em.persist(intake);
    if (caseworker != null) {
      intake.assignTo(caseworker, actor, now);
    }
    followUps.registered(intake, now);
    em.flush();
    CaseFile registered = opened(intake, duplicates);
    audit.record(
        Entry.onCase(AuditAction.CASE_REGISTERED, intake.getCaseNumber())
            .details(
                "fields: "
                    + String.join(",", recordedFields(registered))
                    + "; assigned to: "
                    + (caseworker == null ? "nobody" : caseworker.getUsername())
                    + "; possible duplicates: "
                    + duplicates.size()));
    return registered;
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

  /**
   * Cases that may be about the same survivor: same name and date of birth, or same identity
   * document number. Named when the caller may open them; otherwise only where to ask.
   */
  public List<PossibleDuplicate> possibleDuplicates(SurvivorIdentity identity) {
    List<PossibleDuplicate> found = duplicatesOf(indexes.of(identity));
    audit.record(
        Entry.of(AuditAction.DUPLICATES_CHECKED, "case", null)
            .details("possible duplicates: " + found.size()));
    return found;
  }

  private List<PossibleDuplicate> duplicatesOf(Set<CaseIndexEntry> searchable) {
    Set<CaseIndexEntry> keys = new HashSet<>();
    for (CaseIndexEntry entry : searchable) {
      if (entry.getKind() == SearchIndex.NAME_BIRTH_DATE
          || entry.getKind() == SearchIndex.DOCUMENT_NUMBER) {
        keys.add(entry);
      }
    }
    if (keys.isEmpty()) {
      return List.of();
    }
    List<Object[]> matches =
        em.createQuery(
                "select distinct c.caseNumber, c.owningTeam, e.kind from SurvivorCase c"
                    + " join c.searchIndexes e where e.kind in :kinds and e.digest in :digests",
                Object[].class)
            .setParameter(
                "kinds", List.of(SearchIndex.NAME_BIRTH_DATE, SearchIndex.DOCUMENT_NUMBER))
            .setParameter("digests", keys.stream().map(CaseIndexEntry::getDigest).toList())
            .getResultList();
    Optional<String> ownTeam = access.ownTeam();
    Set<String> readable =
        records.readableNumbers(matches.stream().map(m -> (String) m[0]).toList());
    Map<String, PossibleDuplicate> found = new LinkedHashMap<>();
    for (Object[] match : matches) {
      String caseNumber = (String) match[0];
      boolean sameTeam = ownTeam.filter(match[1]::equals).isPresent();
      if (readable.contains(caseNumber)) {
        found.putIfAbsent(
            caseNumber,
            PossibleDuplicate.visible(
                caseNumber,
                match[2] == SearchIndex.DOCUMENT_NUMBER
                    ? "same identity document number"
                    : "same name and date of birth"));
      } else {
        PossibleDuplicate hidden =
            sameTeam ? PossibleDuplicate.inYourTeam() : PossibleDuplicate.inAnotherTeam();
        found.putIfAbsent(hidden.message(), hidden);
      }
    }
    return List.copyOf(found.values());
  }

  /** Gives a case to another caseworker of its team: supervisors only. Empty if out of scope. */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public Optional<CaseFile> reassign(String caseNumber, String caseworkerUsername) {
    return changing(
        caseNumber,
        AuditAction.CASE_REASSIGNED,
        c -> {
          records.requireSupervisorOf(c);
          StaffMember caseworker =
              caseworkerOfTeam(c.getOwningTeam(), caseworkerUsername, "caseworker");
          String before = c.currentCaseworker().map(StaffMember::getUsername).orElse("nobody");
          if (!c.currentCaseworker().filter(caseworker::equals).isPresent()) {
            c.assignTo(caseworker, access.actor(), Instant.now());
          }
          audit.record(
              Entry.onCase(AuditAction.CASE_REASSIGNED, caseNumber)
                  .details(
                      "changed: assignee; from " + before + " to " + caseworker.getUsername()));
        });
  }

  /** The caseworkers a supervisor can give cases to; nobody for a caseworker. */
  public List<StaffMember> assignableCaseworkers() {
    CaseScope scope = access.caseScope();
    return scope.reach() == CaseScope.Reach.TEAM && access.supervises(scope.team())
        ? staff.caseworkersOf(scope.team())
        : List.of();
  }

  /** The case with this number, opened, if the caller may see it. */
  public Optional<CaseFile> find(String caseNumber) {
    Optional<CaseFile> found = records.readable(caseNumber).map(this::opened);
    audit.record(
        Entry.onCase(AuditAction.CASE_READ, caseNumber)
            .outcome(found.isPresent() ? Outcome.SUCCESS : Outcome.NOT_FOUND));
    return found;
  }

  /** How many cases the caller may see, counted up to {@link CaseListing#COUNT_CAP}. */
  public long count() {
    return listing.count(access.caseScope(), CaseSearch.NONE.criteria());
  }

  /**
   * A page of the cases the caller may see that match the search (every given criterion, exactly,
   * through the blind indexes); unknown sort keys fall back to newest first. The total counts up to
   * {@link CaseListing#COUNT_CAP}.
   */
  public Page<CaseFile> list(@NotNull PageRequest request, CaseSearch search) {
    CaseSearch criteria = search == null ? CaseSearch.NONE : search;
    CaseListing.Listing found = listing.page(access.caseScope(), criteria.criteria(), request);
    List<SurvivorCase> items = found.items();
    Page<CaseFile> page =
        new Page<>(
            items.stream().map(this::openedForList).toList(),
            request.page(),
            request.size(),
            found.total(),
            found.totalExact());
    String shown =
        (criteria.filters().isEmpty() ? "" : "filters: " + criteria.filters() + "; ")
            + "shown: "
            + AuditTrail.caseNumbers(items.stream().map(SurvivorCase::getCaseNumber).toList());
    audit.record(
        criteria.isEmpty()
            ? Entry.of(AuditAction.CASES_LISTED, "case", null).details(shown)
            : Entry.of(AuditAction.CASES_SEARCHED, "case", null)
                .details(
                    "criteria: "
                        + criteria.criteriaNames()
                        + "; results: "
                        + page.totalItems()
                        + (page.totalExact() ? "" : "+")
                        + "; "
                        + shown));
    return page;
  }

  /**
   * Asks for the survivor's data to be erased (a coded reason); a supervisor of the team approves.
   * Empty if the case is out of scope.
   */
  public Optional<CaseFile> requestErasure(String caseNumber, @NotNull ErasureReason reason) {
    return changing(
        caseNumber,
        AuditAction.ERASURE_REQUESTED,
        c -> {
          CaseRecords.refuseIfErased(c);
          c.requestErasure(reason, access.actor(), Instant.now());
          audit.record(
              Entry.onCase(AuditAction.ERASURE_REQUESTED, caseNumber).reason(reason.name()));
        });
  }

  /** Withdraws a pending erasure request (its requester or a supervisor of the team). */
  public Optional<CaseFile> withdrawErasureRequest(String caseNumber) {
    return changing(
        caseNumber,
        AuditAction.ERASURE_WITHDRAWN,
        c -> {
          CaseRecords.refuseIfErased(c);
          if (!c.isErasureRequested()) {
            throw new Conflict("No erasure is requested for case " + caseNumber + ".");
          }
          boolean requester = c.erasureRequestedBy().filter(access.actor()::equals).isPresent();
          if (!requester && !access.supervises(c.getOwningTeam())) {
            throw new jakarta.ejb.EJBAccessException(
                "only the requester or a supervisor of the team withdraws an erasure request");
          }
          c.withdrawErasureRequest();
          audit.record(Entry.onCase(AuditAction.ERASURE_WITHDRAWN, caseNumber));
        });
  }

  /**
   * Erases the survivor's data (crypto-shredding), approving a pending request or, with a reason,
   * directly: supervisors of the case's team only. The data key is destroyed, the ciphertexts and
   * blind indexes are removed; the case stays as a tombstone with its number, dates and coded
   * fields. Cannot be undone.
   */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public Optional<CaseFile> erase(String caseNumber, ErasureReason reason) {
    return changing(
        caseNumber,
        AuditAction.SURVIVOR_ERASED,
        c -> {
          records.requireSupervisorOf(c);
          CaseRecords.refuseIfErased(c);
          StaffMember actor = access.actor();
          Instant now = Instant.now();
          if (reason != null) {
            c.requestErasure(reason, c.erasureRequestedBy().orElse(actor), now);
          } else if (!c.isErasureRequested()) {
            throw new InvalidField(
                "reason", "give a reason for the erasure, or approve a pending request");
          }
          c.erase(actor, now);
          em.createQuery(
                  "select b from BreakGlassAccess b where b.survivorCase = :c",
                  BreakGlassAccess.class)
              .setParameter("c", c)
              .getResultList()
              .forEach(BreakGlassAccess::forget);
          em.createQuery(
                  "select h from CaseStatusChange h where h.survivorCase = :c",
                  CaseStatusChange.class)
              .setParameter("c", c)
              .getResultList()
              .forEach(CaseStatusChange::forget);
          em.createQuery("select n from CaseNote n where n.survivorCase = :c", CaseNote.class)
              .setParameter("c", c)
              .getResultList()
              .forEach(CaseNote::forget);
          // What else was written about the survivor goes too; the coded facts stay.
          for (String sealedText :
              List.of(
                  "update Consent x set x.recipient = null, x.purpose = null where x.survivorCase = :c",
                  "update PlanGoal x set x.text = null where x.survivorCase = :c",
                  "update PlanAction x set x.text = null where x.goal in"
                      + " (select g from PlanGoal g where g.survivorCase = :c)",
                  "update FollowUpTask x set x.title = null where x.survivorCase = :c",
                  "update CaseService x set x.outcome = null where x.survivorCase = :c",
                  "update Referral x set x.reason = null, x.returnReason = null,"
                      + " x.answerNote = null where x.survivorCase = :c",
                  "update ReferralSummary x set x.pdf = null where x.referral in"
                      + " (select r from Referral r where r.survivorCase = :c)")) {
            em.createQuery(sealedText).setParameter("c", c).executeUpdate();
          }
          crypto.shred(c.dataKeyOwner());
          audit.record(
              Entry.onCase(AuditAction.SURVIVOR_ERASED, caseNumber)
                  .reason(c.getErasureReason().name())
                  .details(
                      "requested by: "
                          + c.erasureRequestedBy().map(StaffMember::getUsername).orElse("-")));
        });
  }

  /**
   * Break-glass: opens a case outside the caller's scope in an emergency, for a coded purpose and a
   * written explanation, for {@link #BREAK_GLASS_MINUTES} minutes, read-only. The team's
   * supervisors see it ({@link #emergencyAccesses()}); the trail records it. Empty if no such case.
   */
  public Optional<CaseFile> breakGlass(
      String caseNumber,
      @NotNull(message = "choose the purpose") BreakGlassPurpose purpose,
      @NotNull(message = "explain in writing why you need this case now")
          @Size(min = 20, max = 2000, message = "explain in 20 to 2000 characters")
          String explanation) {
    if (!access.mayBreakGlass()) {
      throw new jakarta.ejb.EJBAccessException("break-glass is for caseworkers and supervisors");
    }
    if (records.readable(caseNumber).isPresent()) {
      throw new Conflict("You can already open case " + caseNumber + "; no break-glass needed.");
    }
    Optional<SurvivorCase> found =
        caseNumber == null || caseNumber.length() > 20
            ? Optional.empty()
            : em.createQuery(
                    "select c from SurvivorCase c where c.caseNumber = :n", SurvivorCase.class)
                .setParameter("n", caseNumber)
                .getResultStream()
                .findFirst();
    if (found.isEmpty()) {
      audit.record(
          Entry.onCase(AuditAction.BREAK_GLASS, caseNumber)
              .outcome(Outcome.NOT_FOUND)
              .reason(purpose.name()));
      return Optional.empty();
    }
    SurvivorCase c = found.get();
    Instant now = Instant.now();
    BreakGlassAccess grant =
        new BreakGlassAccess(
            c, access.actor(), purpose, now, now.plus(BREAK_GLASS_MINUTES, ChronoUnit.MINUTES));
    em.persist(grant);
    access.brokeGlass();
    crypto.cipherOf(c.dataKeyOwner()).ifPresent(cipher -> grant.explain(cipher, explanation));
    em.flush();
    audit.record(
        Entry.onCase(AuditAction.BREAK_GLASS, caseNumber)
            .reason(purpose.name())
            .details(
                "case of team "
                    + c.getOwningTeam()
                    + "; read-only until "
                    + grant.getExpiresAt()
                    + "; team supervisors notified"));
    return Optional.of(opened(c));
  }

  /**
   * The break-glass openings of the supervisor's team's cases in the last 30 days, newest first,
   * explanations opened: what supervisors must review.
   */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public List<EmergencyAccess> emergencyAccesses() {
    String team = access.ownTeam().orElse("");
    List<BreakGlassAccess> grants =
        em.createQuery(
                "select b from BreakGlassAccess b where b.survivorCase.owningTeam = :team"
                    + " and b.grantedAt > :since order by b.grantedAt desc",
                BreakGlassAccess.class)
            .setParameter("team", team)
            .setParameter("since", Instant.now().minus(30, ChronoUnit.DAYS))
            .setMaxResults(200)
            .getResultList();
    List<EmergencyAccess> shown = new ArrayList<>();
    for (BreakGlassAccess b : grants) {
      SurvivorCase c = b.getSurvivorCase();
      String explanation =
          c.isErased() ? null : crypto.cipherOf(c.dataKeyOwner()).map(b::explanation).orElse(null);
      shown.add(
          new EmergencyAccess(
              c.getCaseNumber(),
              b.getStaff().getUsername(),
              b.getStaff().getDisplayName(),
              b.getPurpose(),
              explanation,
              b.getGrantedAt(),
              b.getExpiresAt()));
    }
    audit.record(
        Entry.of(AuditAction.BREAK_GLASS_REVIEWED, "case", null)
            .details(
                "shown: "
                    + AuditTrail.caseNumbers(
                        shown.stream().map(EmergencyAccess::caseNumber).toList())));
    return shown;
  }

  /**
   * Moves a case along its lifecycle ({@link CaseLifecycle}). A caseworker's move to
   * SERVICE_PROVISION submits the case plan to the team's supervisors; theirs confirms it. An
   * illegal move is refused naming the allowed ones; a stale {@code expectedVersion} is a
   * conflicting edit. Empty if the case is out of scope.
   */
  public Optional<CaseFile> transition(
      String caseNumber,
      @NotNull(message = "name the status to move to") CaseStatus to,
      String reason,
      Long expectedVersion) {
    return changing(
        caseNumber,
        AuditAction.CASE_TRANSITION,
        c -> {
          CaseRecords.checkVersion(c, expectedVersion);
          boolean supervisor = access.supervises(c.getOwningTeam());
          CaseStatus from = c.getStatus();
          List<CaseStatus> allowed = CaseLifecycle.allowedFrom(from, supervisor);
          CaseLifecycle.Move move =
              CaseLifecycle.move(from, to)
                  .filter(m -> allowed.contains(m.to()))
                  .orElseThrow(
                      () ->
                          new Conflict(
                              "Case "
                                  + caseNumber
                                  + " cannot move from "
                                  + from
                                  + " to "
                                  + to
                                  + (allowed.isEmpty()
                                      ? "; nothing is allowed from " + from + " for you now."
                                      : "; allowed from " + from + ": " + allowed + "."),
                              allowed.stream().map(Enum::name).toList()));
          StaffMember actor = access.actor();
          Instant now = Instant.now();
          if (move.gate().needsReason()) {
            requireReason(reason);
          }
          StatusChangeKind kind;
          if (move.gate() == CaseLifecycle.Gate.SUBMIT_FOR_APPROVAL && !supervisor) {
            if (c.getPlanSubmittedAt() != null) {
              throw new Conflict(
                  "The case plan of " + caseNumber + " already waits for a supervisor.");
            }
            kind = StatusChangeKind.SUBMITTED;
            c.submitPlan(now);
          } else {
            kind =
                switch (move.gate()) {
                  case SUBMIT_FOR_APPROVAL, SUPERVISOR -> StatusChangeKind.APPROVED;
                  case SUPERVISOR_WITH_REASON -> StatusChangeKind.RETURNED;
                  default -> StatusChangeKind.MOVED;
                };
            c.moveTo(to);
            followUps.moved(c, to, actor, now);
          }
          history(c, from, to, kind, actor, now, reason);
          audit.record(
              Entry.onCase(AuditAction.CASE_TRANSITION, caseNumber)
                  .details("changed: status; from " + from + " to " + to + " (" + kind + ")"));
        });
  }

  /**
   * Replaces the case's exploitation profile (coded answers, CTDC vocabulary). A stale {@code
   * expectedVersion} is a conflicting edit. Empty if the case is out of scope.
   */
  public Optional<CaseFile> describeExploitation(
      String caseNumber,
      @NotNull(message = "send the exploitation profile") ExploitationProfile profile,
      Long expectedVersion) {
    return changing(
        caseNumber,
        AuditAction.EXPLOITATION_DESCRIBED,
        c -> {
          CaseRecords.checkVersion(c, expectedVersion);
          CaseRecords.refuseIfErased(c);
          c.describeExploitation(profile);
          audit.record(
              Entry.onCase(AuditAction.EXPLOITATION_DESCRIBED, caseNumber)
                  .details("types: " + profile.getTypes()));
        });
  }

  /**
   * Records a new risk assessment (level, today, the caller); it also counts as the review a
   * high-risk case is due, and schedules the next one. Empty if the case is out of scope.
   */
  public Optional<CaseFile> assessRisk(
      String caseNumber,
      @NotNull(message = "choose a risk level") RiskLevel level,
      Long expectedVersion) {
    return changing(
        caseNumber,
        AuditAction.RISK_ASSESSED,
        c -> {
          CaseRecords.checkVersion(c, expectedVersion);
          RiskLevel before = c.getRiskLevel();
          StaffMember actor = access.actor();
          Instant now = Instant.now();
          c.assessRisk(level, actor, now);
          followUps.riskAssessed(c, actor, now);
          audit.record(
              Entry.onCase(AuditAction.RISK_ASSESSED, caseNumber)
                  .details("risk: from " + before + " to " + level));
        });
  }

  /**
   * A supervisor sends what waits for approval back, with a reason: a submitted case plan stays in
   * CASE_PLAN for rework; a closure request goes back to SERVICE_PROVISION.
   */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public Optional<CaseFile> returnForRework(String caseNumber, String reason) {
    return changing(
        caseNumber,
        AuditAction.CASE_TRANSITION,
        c -> {
          records.requireSupervisorOf(c);
          requireReason(reason);
          CaseStatus from = c.getStatus();
          CaseStatus to;
          if (c.pendingApproval().filter(p -> p == CaseStatus.SERVICE_PROVISION).isPresent()) {
            c.returnPlan();
            to = CaseStatus.CASE_PLAN;
          } else if (c.pendingApproval().isPresent()) {
            to = CaseStatus.SERVICE_PROVISION;
            c.moveTo(to);
            followUps.moved(c, to, access.actor(), Instant.now());
          } else {
            throw new Conflict("Nothing of case " + caseNumber + " waits for approval.");
          }
          history(c, from, to, StatusChangeKind.RETURNED, access.actor(), Instant.now(), reason);
          audit.record(
              Entry.onCase(AuditAction.CASE_TRANSITION, caseNumber)
                  .details("returned: from " + from + " to " + to));
        });
  }

  /** The status history of a case, oldest first, reasons opened. Empty if out of scope. */
  public Optional<List<StatusHistoryEntry>> statusHistory(String caseNumber) {
    Optional<SurvivorCase> found = records.readable(caseNumber, AuditAction.CASE_READ);
    return found.map(
        c -> {
          Optional<FieldCipher> cipher =
              c.isErased() ? Optional.empty() : crypto.cipherOf(c.dataKeyOwner());
          return em.createQuery(
                  "select h from CaseStatusChange h where h.survivorCase = :c"
                      + " order by h.changedAt, h.id",
                  CaseStatusChange.class)
              .setParameter("c", c)
              .getResultStream()
              .map(
                  h ->
                      new StatusHistoryEntry(
                          h.getFromStatus(),
                          h.getToStatus(),
                          h.getKind(),
                          h.getChangedBy() == null ? null : h.getChangedBy().getUsername(),
                          h.getChangedAt(),
                          cipher.map(h::reason).orElse(null)))
              .toList();
        });
  }

  /**
   * Adds a note to a case: append-only; a correction names the note it corrects (of the same case).
   * Empty if the case is out of scope.
   */
  public Optional<CaseNoteView> addNote(
      String caseNumber,
      @NotNull(message = "write the note")
          @Size(min = 1, max = MAX_NARRATIVE, message = "must be 1 to 20000 characters")
          String text,
      Long corrects) {
    Optional<SurvivorCase> found = records.changeable(caseNumber, AuditAction.NOTE_ADDED);
    return found.map(
        c -> {
          CaseRecords.refuseIfErased(c);
          if (text.isBlank()) {
            throw new InvalidField("text", "write the note");
          }
          CaseNote corrected = null;
          if (corrects != null) {
            corrected = em.find(CaseNote.class, corrects);
            if (corrected == null || !corrected.getSurvivorCase().equals(c)) {
              throw new InvalidField("corrects", "must be the id of a note of this case");
            }
          }
          FieldCipher cipher =
              crypto
                  .cipherOf(c.dataKeyOwner())
                  .orElseGet(() -> crypto.newDataKey(c.dataKeyOwner()));
          CaseNote note = new CaseNote(c, access.actor(), Instant.now(), corrected);
          em.persist(note);
          note.write(cipher, text);
          em.flush();
          audit.record(
              Entry.onCase(AuditAction.NOTE_ADDED, caseNumber)
                  .details(
                      "note "
                          + note.getId()
                          + (corrected == null ? "" : "; corrects note " + corrected.getId())));
          return view(note, cipher);
        });
  }

  /** The notes of a case, oldest first. Empty if out of scope. */
  public Optional<List<CaseNoteView>> notes(String caseNumber) {
    Optional<SurvivorCase> found = records.readable(caseNumber, AuditAction.NOTES_READ);
    return found.map(
        c -> {
          if (c.isErased()) {
            return List.<CaseNoteView>of();
          }
          Optional<FieldCipher> cipher = crypto.cipherOf(c.dataKeyOwner());
          List<CaseNoteView> notes =
              em.createQuery(
                      "select n from CaseNote n where n.survivorCase = :c order by n.writtenAt, n.id",
                      CaseNote.class)
                  .setParameter("c", c)
                  .getResultStream()
                  .map(n -> view(n, cipher.orElseThrow()))
                  .toList();
          audit.record(
              Entry.onCase(AuditAction.NOTES_READ, caseNumber).details("notes: " + notes.size()));
          return notes;
        });
  }

  private static CaseNoteView view(CaseNote n, FieldCipher cipher) {
    return new CaseNoteView(
        n.getId(),
        n.getAuthor().getUsername(),
        n.getAuthor().getDisplayName(),
        n.getWrittenAt(),
        n.text(cipher),
        n.getCorrects() == null ? null : n.getCorrects().getId());
  }

  private void history(
      SurvivorCase c,
      CaseStatus from,
      CaseStatus to,
      StatusChangeKind kind,
      StaffMember by,
      Instant at,
      String reason) {
    CaseStatusChange entry = new CaseStatusChange(c, from, to, kind, by, at);
    em.persist(entry);
    if (reason != null && !reason.isBlank()) {
      crypto.cipherOf(c.dataKeyOwner()).ifPresent(cipher -> entry.explain(cipher, reason));
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidField("reason", "give a reason");
    }
    if (reason.length() > 2000) {
      throw new InvalidField("reason", "must be at most 2000 characters");
    }
  }

  /**
   * The one shape of every change to a case: only a case the caller may change (not one opened by
   * break-glass), flushed so that constraint failures surface here, the attempt on a case out of
   * scope recorded, the case returned opened.
   */
  private Optional<CaseFile> changing(
      String caseNumber, AuditAction action, Consumer<SurvivorCase> change) {
    Optional<SurvivorCase> found = records.changeable(caseNumber, action);
    found.ifPresent(change);
    em.flush();
    return found.map(this::opened);
  }

  /** Like {@link #opened}, but one damaged case must not make a whole list unusable. */
  private CaseFile openedForList(SurvivorCase c) {
    try {
      return opened(c);
    } catch (CryptoFailure damaged) {
      LOG.log(
          Level.SEVERE,
          "Listing case " + c.getCaseNumber() + " without its protected data",
          damaged);
      return CaseFile.unreadable(c);
    }
  }

  /** Opens a case's protected fields for a caller already found to be in scope. */
  private CaseFile opened(SurvivorCase c) {
    return opened(c, List.of());
  }

  private CaseFile opened(SurvivorCase c, List<PossibleDuplicate> duplicates) {
    if (c.isErased()) {
      return new CaseFile(c, null, null, duplicates);
    }
    // Cases registered before encryption have no data key and nothing protected to open.
    return crypto
        .cipherOf(c.dataKeyOwner())
        .map(cipher -> new CaseFile(c, c.identity(cipher), c.narrative(cipher), duplicates))
        .orElseGet(() -> new CaseFile(c, new SurvivorIdentity(), null, duplicates));
  }

  private StaffMember caseworkerFor(String team, StaffMember actor, String assignee) {
    if (access.supervises(team)) {
      if (assignee != null) {
        return caseworkerOfTeam(team, assignee, "assignee");
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

  private StaffMember caseworkerOfTeam(String team, String username, String field) {
    return staff
        .byUsername(username)
        .filter(s -> s.isCaseworker() && team.equals(s.getTeam()))
        .orElseThrow(
            () -> new InvalidField(field, "must be the user name of a caseworker of team " + team));
  }
}
