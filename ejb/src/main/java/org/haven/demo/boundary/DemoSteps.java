package org.haven.demo.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.Caller;
import org.haven.cases.boundary.CasePlans;
import org.haven.cases.boundary.CaseProfile;
import org.haven.cases.boundary.CaseRegistration;
import org.haven.cases.boundary.CaseTransitions;
import org.haven.cases.boundary.Consents;
import org.haven.cases.boundary.ServiceDelivery;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ConsentMethod;
import org.haven.cases.entity.ConsentType;
import org.haven.cases.entity.DocumentType;
import org.haven.cases.entity.ExploitationProfile;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.LabourType;
import org.haven.cases.entity.MeansOfControl;
import org.haven.cases.entity.RecruiterRelationship;
import org.haven.cases.entity.RecruitmentMethod;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.ServiceStatus;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.SharedField;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.cases.entity.YesNoUnknown;
import org.haven.referrals.boundary.Referrals;
import org.haven.referrals.entity.ReferralStatus;
import org.haven.referrals.entity.Urgency;
import org.haven.services.boundary.ServiceDirectory;

/**
 * The steps of the demo's stories ({@link DemoCases}): registering a case, coding it, moving it
 * along, consents, referrals taken through their workflow, planned and delivered services, plan
 * goals. Through the same boundaries as the pages, as the caller the story signed in, so the demo
 * obeys every rule real work does.
 */
@Stateless
@RunAs(AccessPolicy.SUPERVISOR)
@PermitAll
public class DemoSteps {

  @Inject Referrals referrals;
  @Inject Consents consents;
  @Inject ServiceDelivery delivery;
  @Inject CasePlans plans;
  @Inject ServiceDirectory directory;
  @Inject Caller caller;
  @Inject CaseProfile profile;
  @Inject CaseRegistration registration;
  @Inject CaseTransitions transitions;

  /**
   * Writes a referral to the first provider of {@code service} and moves it along {@code path}; a
   * move that needs a reason gets one in words a caseworker would use.
   */
  public void refer(
      String caseNumber,
      String service,
      Urgency urgency,
      boolean sharesData,
      String reason,
      ReferralStatus... path) {
    long id =
        referrals
            .create(caseNumber, service, providerOf(service), urgency, sharesData, reason, "en")
            .orElseThrow()
            .getId();
    for (ReferralStatus to : path) {
      String why =
          switch (to) {
            case RETURNED -> "Please say which languages the survivor speaks.";
            case CANCELLED -> "The survivor found a place with her family.";
            default -> null;
          };
      referrals.transition(caseNumber, id, to, why, null);
    }
  }

  /** The survivor's written consent to share a few fields with the provider of {@code service}. */
  public void consentToShare(String caseNumber, String service) {
    consents.record(
        caseNumber,
        ConsentType.DATA_SHARING,
        null,
        null,
        providerOf(service),
        service,
        Set.of(SharedField.NAME, SharedField.SEX, SharedField.LANGUAGES, SharedField.PHONE),
        ConsentMethod.WRITTEN,
        LocalDate.now().minusDays(2));
  }

  /** A service planned with the provider of {@code service}, delivered if an outcome is given. */
  public void service(String caseNumber, String service, String outcome) {
    LocalDate day = LocalDate.now().minusDays(outcome == null ? -7 : 3);
    long id = delivery.plan(caseNumber, service, providerOf(service), day).orElseThrow().getId();
    if (outcome != null) {
      delivery.record(caseNumber, id, ServiceStatus.DELIVERED, day, outcome, null, null, null);
    }
  }

  /** A goal of the case plan with one action for the case's caseworker. */
  public void goal(String caseNumber, String goal, String action, String responsible) {
    long id = plans.addGoal(caseNumber, goal).orElseThrow().getId();
    plans.addAction(caseNumber, id, action, responsible, LocalDate.now().plusDays(14));
  }

  /**
   * The first provider of {@code service} in the signed-in team's area (the areas are named so).
   */
  private long providerOf(String service) {
    return directory.providers(service, caller.team().orElseThrow(), false).get(0).getId();
  }

  /** A coded exploitation profile, as a caseworker would fill it in after the first interview. */
  public void describe(
      String caseNumber,
      List<ExploitationType> types,
      List<LabourType> sectors,
      List<MeansOfControl> control,
      RecruitmentMethod recruitment,
      String country) {
    profile.describeExploitation(
        caseNumber,
        new ExploitationProfile(
            types,
            sectors,
            List.of(),
            control,
            RecruiterRelationship.UNKNOWN,
            List.of(recruitment),
            YesNoUnknown.UNKNOWN,
            country,
            YesNoUnknown.NO,
            YesNoUnknown.NO),
        null);
  }

  public void moveAlong(String caseNumber, CaseStatus... statuses) {
    for (CaseStatus to : statuses) {
      transitions.transition(caseNumber, to, null, null);
    }
  }

  public String register(
      RiskLevel risk,
      Sex sex,
      String nationality,
      String caseworker,
      SurvivorIdentity identity,
      String narrative) {
    return registration
        .register(
            new SurvivorCase(risk, new Survivor(sex, nationality)), identity, narrative, caseworker)
        .getCaseNumber();
  }

  /** Fictional people: names from lists of common names, numbers from unused ranges. */
  static SurvivorIdentity identity(
      String givenNames, String familyName, String birthDate, String phone, String passport) {
    SurvivorIdentity id = new SurvivorIdentity();
    id.setGivenNames(givenNames);
    id.setFamilyName(familyName);
    id.setBirthDate(birthDate == null ? null : LocalDate.parse(birthDate));
    id.setPhones(phone == null ? List.of() : List.of(phone));
    if (passport != null) {
      id.setDocumentType(DocumentType.PASSPORT);
      id.setDocumentNumber(passport);
    }
    return id;
  }

  public void reopen(String caseNumber, String reason) {
    transitions.transition(caseNumber, CaseStatus.REOPENED, reason, null);
  }
}
