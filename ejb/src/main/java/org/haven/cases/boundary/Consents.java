package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.haven.access.boundary.AccessPolicy;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseActions;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.entity.Consent;
import org.haven.cases.entity.ConsentMethod;
import org.haven.cases.entity.ConsentType;
import org.haven.cases.entity.SharedField;
import org.haven.cases.entity.SurvivorCase;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.problems.Checks;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;
import org.haven.services.control.Offers;
import org.haven.services.entity.Provider;
import org.haven.services.entity.ServiceType;

/**
 * A survivor's consents: recorded as given (to services, to sharing data with a named recipient for
 * a purpose, to anonymised statistics), withdrawn when the survivor says so, never edited or
 * deleted. Scope, audit and sealing as for every part of a case.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class Consents {

  public static final int MAX_TEXT = 500;

  @PersistenceContext EntityManager em;
  @Inject CaseRecords records;
  @Inject CaseActions actions;
  @Inject AccessPolicy access;
  @Inject AuditTrail audit;
  @Inject Offers offers;
  @Inject Event<ConsentWithdrawn> withdrawn;

  /** The consents of a case, oldest first. Empty if the case is out of scope. */
  public Optional<List<ConsentDetails>> consents(String caseNumber) {
    return actions.read(
        caseNumber,
        AuditAction.CONSENTS_READ,
        (c, trail) -> {
          FieldCipher cipher = records.openerFor(c).orElse(null);
          List<ConsentDetails> all =
              of(c).stream().map(consent -> new ConsentDetails(consent, cipher)).toList();
          trail.details("consents: " + all.size());
          return all;
        });
  }

  /**
   * Records a consent the survivor gave. Sharing data needs a recipient and a purpose, and names
   * the survivor's fields that may go ({@code sharedFields}; none named, none go); the date is not
   * in the future. Empty if the case is out of scope.
   */
  public Optional<ConsentDetails> record(
      String caseNumber,
      @NotNull(message = "choose what the survivor consents to") ConsentType type,
      String recipient,
      String purpose,
      Long providerId,
      String serviceType,
      Set<SharedField> sharedFields,
      @NotNull(message = "say how the consent was obtained") ConsentMethod howObtained,
      @NotNull(message = "give the date the consent was given") LocalDate givenOn) {
    Set<SharedField> fields = sharedFields == null ? Set.of() : sharedFields;
    if (!fields.isEmpty() && type != ConsentType.DATA_SHARING) {
      throw new InvalidField("sharedFields", "only a consent to share data names fields to share");
    }
    Provider provider = null;
    ServiceType service = null;
    if (providerId != null || serviceType != null) {
      if (type != ConsentType.DATA_SHARING) {
        throw new InvalidField("providerId", "only a consent to share data names a provider");
      }
      // A consent may name a service the provider does not offer (yet): the referral's own
      // check is what keeps data within what the provider offers.
      service = serviceType == null ? null : offers.serviceType(serviceType);
      provider = offers.provider(providerId, null);
    }
    String to = blank(recipient) && provider != null ? provider.getName() : recipient;
    String why = blank(purpose) && service != null ? service.getName() : purpose;
    if (type == ConsentType.DATA_SHARING) {
      Checks.requireText("recipient", to, MAX_TEXT, "name who receives the data");
      Checks.requireText("purpose", why, MAX_TEXT, "say what the data is shared for");
    }
    if (to != null && to.length() > MAX_TEXT) {
      throw new InvalidField("recipient", "must be at most " + MAX_TEXT + " characters");
    }
    if (why != null && why.length() > MAX_TEXT) {
      throw new InvalidField("purpose", "must be at most " + MAX_TEXT + " characters");
    }
    if (givenOn.isAfter(LocalDate.now())) {
      throw new InvalidField("givenOn", "must not be in the future");
    }
    Provider coveredProvider = provider;
    ServiceType coveredService = service;
    return actions.change(
        caseNumber,
        AuditAction.CONSENT_RECORDED,
        (c, trail) -> {
          FieldCipher cipher = records.cipherFor(c);
          Consent consent =
              new Consent(c, type, howObtained, givenOn, access.actor(), Instant.now());
          consent.covers(coveredProvider, coveredService);
          consent.shares(fields);
          em.persist(consent);
          consent.write(cipher, to, why);
          em.flush();
          trail.details(
              "consent "
                  + consent.getId()
                  + "; type: "
                  + type
                  + "; obtained: "
                  + howObtained
                  + (fields.isEmpty() ? "" : "; fields: " + sorted(fields)));
          return new ConsentDetails(consent, cipher);
        });
  }

  /**
   * Records that the survivor withdrew a consent, from {@code withdrawnOn} (today if not given).
   * Withdrawing twice is refused: the first withdrawal stands. Empty if the case is out of scope.
   */
  public Optional<ConsentDetails> withdraw(
      String caseNumber, long consentId, LocalDate withdrawnOn) {
    LocalDate on = withdrawnOn == null ? LocalDate.now() : withdrawnOn;
    if (on.isAfter(LocalDate.now())) {
      throw new InvalidField("withdrawnOn", "must not be in the future");
    }
    return actions.change(
        caseNumber,
        AuditAction.CONSENT_WITHDRAWN,
        (c, trail) -> {
          Consent consent =
              records.partOf(c, Consent.class, consentId, Consent::getSurvivorCase, "consent");
          if (consent.isWithdrawn()) {
            throw new Conflict(
                "Consent "
                    + consentId
                    + " was already withdrawn on "
                    + consent.getWithdrawnOn()
                    + ".");
          }
          if (on.isBefore(consent.getGivenOn())) {
            throw new InvalidField("withdrawnOn", "must not be before the consent was given");
          }
          consent.withdraw(on, access.actor(), Instant.now());
          em.flush();
          withdrawn.fire(new ConsentWithdrawn(caseNumber, consentId));
          trail.details("consent " + consentId + "; type: " + consent.getType());
          return new ConsentDetails(consent, records.openerFor(c).orElse(null));
        });
  }

  private static String sorted(Set<SharedField> fields) {
    return String.join(",", fields.stream().sorted().map(Enum::name).toList());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private List<Consent> of(SurvivorCase c) {
    return em.createQuery(
            "select x from Consent x where x.survivorCase = :c order by x.givenOn, x.id",
            Consent.class)
        .setParameter("c", c)
        .getResultList();
  }
}
