package org.haven.referrals.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.CaseScope;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseActions;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.entity.Consent;
import org.haven.cases.entity.SurvivorCase;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.problems.Checks;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;
import org.haven.problems.NotFound;
import org.haven.referrals.control.ReferralSummaries;
import org.haven.referrals.control.ReferralWorkflow;
import org.haven.referrals.entity.Referral;
import org.haven.referrals.entity.ReferralStatus;
import org.haven.referrals.entity.ReferralSummary;
import org.haven.referrals.entity.Urgency;
import org.haven.services.control.Offers;
import org.haven.services.entity.Provider;
import org.haven.services.entity.ServiceType;

/**
 * Referrals of survivors to providers: written by staff, sent once a supervisor of the team
 * approves, answered by the provider (recorded by staff), completed or cancelled. A referral that
 * shares the survivor's data is sent only with their consent, in force, for that provider and
 * service. Scoped and audited like every part of a case.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class Referrals {

  public static final int MAX_TEXT = 2_000;

  @PersistenceContext EntityManager em;
  @Inject CaseRecords records;
  @Inject CaseActions actions;
  @Inject AccessPolicy access;
  @Inject AuditTrail audit;
  @Inject Offers offers;
  @Inject ReferralSummaries summaries;
  @Inject Event<ReferralMoved> moved;

  /** The referrals of a case, newest first. Empty if the case is out of scope. */
  public Optional<List<ReferralDetails>> referrals(String caseNumber) {
    return actions.read(
        caseNumber,
        AuditAction.REFERRALS_READ,
        (c, trail) -> {
          FieldCipher cipher = records.openerFor(c).orElse(null);
          Instant now = Instant.now();
          List<ReferralDetails> all =
              em.createQuery(
                      "select r from Referral r where r.survivorCase = :c"
                          + " order by r.createdAt desc, r.id desc",
                      Referral.class)
                  .setParameter("c", c)
                  .getResultStream()
                  .map(r -> new ReferralDetails(r, cipher, now))
                  .toList();
          trail.details("referrals: " + all.size());
          return all;
        });
  }

  /**
   * The moves the caller may make on a referral in this status: what a page offers (sending and
   * returning are the supervisors').
   */
  public List<ReferralStatus> allowedMoves(@NotNull ReferralStatus from) {
    return ReferralWorkflow.allowedFrom(from, access.isSupervisor());
  }

  /** Writes a referral (a draft). Empty if the case is out of scope. */
  public Optional<ReferralDetails> create(
      String caseNumber,
      @NotNull(message = "choose the service") String serviceType,
      @NotNull(message = "choose the provider") Long providerId,
      @NotNull(message = "say how urgent it is") Urgency urgency,
      boolean sharesData,
      String reason,
      String summaryLanguage) {
    Checks.requireText("reason", reason, MAX_TEXT, "say why the survivor is referred");
    String language = summaryLanguage == null ? "en" : summaryLanguage;
    if (!Referral.SUMMARY_LANGUAGES.contains(language)) {
      throw new InvalidField(
          "summaryLanguage", "must be one of " + String.join(", ", Referral.SUMMARY_LANGUAGES));
    }
    return actions.change(
        caseNumber,
        AuditAction.REFERRAL_CREATED,
        (c, trail) -> {
          CaseRecords.refuseIfErased(c);
          ServiceType type = offers.serviceType(serviceType);
          Provider provider = offers.provider(providerId, type);
          FieldCipher cipher = records.cipherFor(c);
          Referral referral =
              new Referral(c, type, provider, urgency, sharesData, access.actor(), Instant.now());
          referral.writeSummaryIn(language);
          em.persist(referral);
          referral.explain(cipher, reason.strip());
          em.flush();
          trail.details(
              "referral "
                  + referral.getId()
                  + "; service: "
                  + type.getCode()
                  + "; provider: "
                  + provider.getId()
                  + "; urgency: "
                  + urgency
                  + "; shares data: "
                  + sharesData
                  + "; summary in: "
                  + language);
          return new ReferralDetails(referral, cipher, Instant.now());
        });
  }

  /**
   * Moves a referral along its workflow ({@link ReferralWorkflow}): an illegal move is refused
   * naming the allowed ones; sending (a supervisor's approval) and returning are for the team's
   * supervisors; a referral that shares data is submitted and sent only with the survivor's consent
   * in force for its provider and service. Empty if the case is out of scope.
   */
  public Optional<ReferralDetails> transition(
      String caseNumber,
      long referralId,
      @NotNull(message = "name the status to move to") ReferralStatus to,
      String reason,
      Long expectedVersion) {
    if (reason != null && reason.length() > MAX_TEXT) {
      throw new InvalidField("reason", "must be at most " + MAX_TEXT + " characters");
    }
    return actions.change(
        caseNumber,
        AuditAction.REFERRAL_TRANSITION,
        (c, trail) -> {
          Referral referral =
              records.partOf(c, Referral.class, referralId, Referral::getSurvivorCase, "referral");
          Checks.checkVersion("referral " + referralId, referral.getVersion(), expectedVersion);
          boolean supervisor = access.supervises(c.getOwningTeam());
          ReferralStatus from = referral.getStatus();
          if (ReferralWorkflow.move(from, to)
              .filter(ReferralWorkflow.Move::supervisorOnly)
              .isPresent()) {
            // Sending (the approval) and returning are a supervisor's decision: a refusal.
            access.requireSupervisorOf(
                c.getOwningTeam(),
                "only the supervisors of the case's team send or return a referral");
          }
          List<ReferralStatus> allowed = ReferralWorkflow.allowedFrom(from, supervisor);
          ReferralWorkflow.Move move =
              ReferralWorkflow.move(from, to)
                  .filter(m -> allowed.contains(m.to()))
                  .orElseThrow(
                      () ->
                          new Conflict(
                              "Referral "
                                  + referralId
                                  + " cannot move from "
                                  + from
                                  + " to "
                                  + to
                                  + (allowed.isEmpty()
                                      ? "; nothing is allowed from " + from + " for you."
                                      : "; allowed from " + from + ": " + allowed + "."),
                              allowed.stream().map(Enum::name).toList()));
          if (move.needsReason()) {
            Checks.requireText("reason", reason, MAX_TEXT, "give a reason");
          }
          if (referral.isSharesData()
              && (to == ReferralStatus.PENDING_APPROVAL || to == ReferralStatus.SENT)) {
            referral.reliesOn(consentFor(c, referral));
          }
          FieldCipher cipher = records.cipherFor(c);
          Instant now = Instant.now();
          referral.moveTo(
              to,
              access.actor(),
              now,
              cipher,
              reason == null || reason.isBlank() ? null : reason.strip());
          if (to == ReferralStatus.SENT) {
            // The approval makes what the provider receives, from the consent as it stands.
            summaries.make(referral, cipher, access.actor(), now);
          }
          em.flush();
          moved.fire(new ReferralMoved(referralId, from, to, access.actor().getId()));
          trail.details("referral " + referralId + "; from " + from + " to " + to);
          return new ReferralDetails(referral, records.openerFor(c).orElse(null), Instant.now());
        });
  }

  /**
   * The summary made when the referral was approved, for sending to the provider: each download is
   * audited. None before approval (404); refused once the consent it relied on is withdrawn (409),
   * since the survivor no longer agrees to that sharing. Empty if the case is out of scope.
   */
  public Optional<SummaryFile> summary(String caseNumber, long referralId) {
    return actions.read(
        caseNumber,
        AuditAction.REFERRAL_SUMMARY_DOWNLOADED,
        (c, trail) -> {
          Referral referral =
              records.partOf(c, Referral.class, referralId, Referral::getSurvivorCase, "referral");
          ReferralSummary summary = em.find(ReferralSummary.class, referral.getId());
          if (summary == null || summary.isErased()) {
            throw new NotFound(
                "Referral "
                    + referralId
                    + " has no summary: it is made when a supervisor approves the referral.");
          }
          if (summary.consent().filter(Consent::isWithdrawn).isPresent()) {
            throw new Conflict(
                "The survivor withdrew the consent referral "
                    + referralId
                    + "'s summary relies on: it is no longer given out.");
          }
          FieldCipher cipher =
              records
                  .openerFor(c)
                  .orElseThrow(() -> new NotFound("Referral " + referralId + " has no summary."));
          byte[] pdf = summary.pdf(cipher);
          trail.details(
              "referral "
                  + referralId
                  + "; fields: "
                  + (summary.fields().isEmpty()
                      ? "none"
                      : String.join(",", summary.fields().stream().map(Enum::name).toList())));
          return new SummaryFile("referral-" + referralId + "-summary.pdf", pdf);
        });
  }

  /** A referral summary as downloaded: a file name that names no one, and the PDF. */
  public record SummaryFile(String fileName, byte[] pdf) {}

  /**
   * The supervisor's review queue: the team's referrals waiting for approval, the most urgent and
   * then the longest waiting first.
   */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public List<ReferralDetails> awaitingApproval() {
    CaseScope scope = access.caseScope().withoutBreakGlass();
    if (scope.reach() != CaseScope.Reach.TEAM) {
      return List.of();
    }
    Instant now = Instant.now();
    List<Referral> pending =
        em.createQuery(
                "select r from Referral r where r.status = :pending"
                    + " and r.survivorCase.owningTeam = :team"
                    + " order by case r.urgency when :emergency then 0 when :urgent then 1 else 2 end,"
                    + " r.submittedAt, r.id",
                Referral.class)
            .setParameter("pending", ReferralStatus.PENDING_APPROVAL)
            .setParameter("team", scope.team())
            .setParameter("emergency", Urgency.EMERGENCY)
            .setParameter("urgent", Urgency.URGENT)
            .getResultList();
    List<ReferralDetails> queue =
        pending.stream()
            .map(
                r ->
                    new ReferralDetails(
                        r, records.openerFor(r.getSurvivorCase()).orElse(null), now))
            .toList();
    audit.record(
        Entry.of(AuditAction.REFERRALS_READ, "referral", null)
            .details(
                "awaiting approval: "
                    + queue.size()
                    + "; cases: "
                    + AuditTrail.caseNumbers(
                        queue.stream().map(ReferralDetails::getCaseNumber).distinct().toList())));
    return queue;
  }

  /**
   * How many of the team's referrals wait for a supervisor: the header's count. A number, not a
   * reading of any case, so not audited.
   */
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public long awaitingApprovalCount() {
    CaseScope scope = access.caseScope().withoutBreakGlass();
    if (scope.reach() != CaseScope.Reach.TEAM) {
      return 0;
    }
    return em.createQuery(
            "select count(r) from Referral r where r.status = :pending"
                + " and r.survivorCase.owningTeam = :team",
            Long.class)
        .setParameter("pending", ReferralStatus.PENDING_APPROVAL)
        .setParameter("team", scope.team())
        .getSingleResult();
  }

  /** The consent in force that lets this referral share data, or the refusal that says why not. */
  private Consent consentFor(SurvivorCase c, Referral referral) {
    return em.createQuery(
            "select x from Consent x where x.survivorCase = :c order by x.givenOn desc, x.id desc",
            Consent.class)
        .setParameter("c", c)
        .getResultStream()
        .filter(x -> x.allowsSharing(referral.getProvider(), referral.getServiceType()))
        .findFirst()
        .orElseThrow(
            () ->
                new Conflict(
                    "Referral "
                        + referral.getId()
                        + " shares the survivor's data with "
                        + referral.getProvider().getName()
                        + " for "
                        + referral.getServiceType().getName()
                        + ", and no consent in force covers that provider and service. Record the"
                        + " survivor's consent to share data with them first."));
  }
}
