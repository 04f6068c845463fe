package org.haven.demo.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.Caller;
import org.haven.access.boundary.Staff;
import org.haven.cases.boundary.CaseProfile;
import org.haven.cases.boundary.CaseQueries;
import org.haven.cases.boundary.CaseRegistration;
import org.haven.cases.boundary.CaseTransitions;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.DocumentType;
import org.haven.cases.entity.ExploitationProfile;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.LabourType;
import org.haven.cases.entity.MeansOfControl;
import org.haven.cases.entity.RecruiterRelationship;
import org.haven.cases.entity.RecruitmentMethod;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.cases.entity.YesNoUnknown;

/**
 * The demo's staff and cases. The staff are the users of ear/src/run/keycloak/haven-demo-realm.json
 * (same Keycloak subjects), provisioned as if they had signed in; the cases are registered by their
 * supervisors through the case boundary, so they obey the same rules as any other. One call is one
 * request: the caller identity set here reaches every boundary it calls.
 */
@Stateless
@RunAs(AccessPolicy.SUPERVISOR)
@PermitAll
public class DemoCases {

  private static final Logger LOG = Logger.getLogger(DemoCases.class.getName());
  private static final String SUBJECT = "6f1c2a0e-5b1f-4c44-9a51-2d0c7a7e000";

  record DemoUser(String subject, String username, String name, String team, boolean supervisor) {}

  static final DemoUser CASEWORKER_NORTH =
      new DemoUser(SUBJECT + "1", "caseworker.north", "Nadia Haddad", "north", false);
  static final DemoUser CASEWORKER2_NORTH =
      new DemoUser(SUBJECT + "2", "caseworker2.north", "Tomas Reyes", "north", false);
  static final DemoUser CASEWORKER_SOUTH =
      new DemoUser(SUBJECT + "3", "caseworker.south", "Priya Nair", "south", false);
  static final DemoUser SUPERVISOR_NORTH =
      new DemoUser(SUBJECT + "4", "supervisor.north", "Grace Mensah", "north", true);
  static final DemoUser SUPERVISOR_SOUTH =
      new DemoUser(SUBJECT + "5", "supervisor.south", "Lukas Berg", "south", true);
  @Inject CaseProfile profile;
  @Inject CaseQueries caseQueries;
  @Inject CaseRegistration registration;
  @Inject CaseTransitions transitions;
  @Inject Staff staff;
  @Inject Caller caller;

  /** Provisions the demo staff and, into a database without cases, the demo cases. */
  public void load() {
    List.of(
            CASEWORKER_NORTH,
            CASEWORKER2_NORTH,
            CASEWORKER_SOUTH,
            SUPERVISOR_NORTH,
            SUPERVISOR_SOUTH)
        .forEach(this::provision);
    signInAs(SUPERVISOR_NORTH);
    if (caseQueries.count() > 0) {
      return;
    }
    String blessing =
        register(
            RiskLevel.HIGH,
            Sex.FEMALE,
            "NG",
            CASEWORKER_NORTH,
            identity("Blessing", "Adeyemi", "1998-03-12", "+234 800 555 0101", "A00000101"),
            "Recruited through a job offer on social media; passport withheld by the employer.");
    describe(
        blessing,
        List.of(ExploitationType.SEXUAL_EXPLOITATION),
        List.of(),
        List.of(MeansOfControl.WITHHOLDS_DOCUMENTS, MeansOfControl.DEBT_BONDAGE),
        RecruitmentMethod.ONLINE_SOCIAL_MEDIA,
        "IT");
    moveAlong(blessing, CaseStatus.ASSESSMENT);
    String minh =
        register(
            RiskLevel.MEDIUM,
            Sex.MALE,
            "VN",
            CASEWORKER_NORTH,
            identity("Minh", "Tran", "1990-07-01", "+84 900 555 0102", null),
            "Worked on a fishing vessel for 14 months without pay.");
    describe(
        minh,
        List.of(ExploitationType.FORCED_LABOUR),
        List.of(LabourType.AQUAFARMING),
        List.of(MeansOfControl.TAKES_EARNINGS, MeansOfControl.RESTRICTS_MOVEMENT),
        RecruitmentMethod.JOB_OFFER,
        "TH");
    moveAlong(minh, CaseStatus.ASSESSMENT, CaseStatus.CASE_PLAN);
    register(
        RiskLevel.LOW,
        Sex.FEMALE,
        "RO",
        CASEWORKER2_NORTH,
        identity("Elena", "Popescu", null, null, "RO0000103"),
        "Referred by a partner shelter.");
    signInAs(SUPERVISOR_SOUTH);
    String joy =
        register(
            RiskLevel.HIGH,
            Sex.UNDISCLOSED,
            "PH",
            CASEWORKER_SOUTH,
            identity("Joy", "Santos", "1999-02-14", "+63 900 555 0104", "P0000104"),
            "Domestic servitude; contact only through the shelter.");
    describe(
        joy,
        List.of(ExploitationType.DOMESTIC_SERVITUDE),
        List.of(),
        List.of(MeansOfControl.RESTRICTS_MOVEMENT, MeansOfControl.THREATS),
        RecruitmentMethod.FAMILY,
        "AE");
    String ram =
        register(
            RiskLevel.MEDIUM,
            Sex.MALE,
            "NP",
            CASEWORKER_SOUTH,
            identity("Ram", "Thapa", "1985-11-30", null, null),
            "Construction site; debt bondage through recruitment fees.");
    describe(
        ram,
        List.of(ExploitationType.FORCED_LABOUR),
        List.of(LabourType.CONSTRUCTION),
        List.of(MeansOfControl.DEBT_BONDAGE),
        RecruitmentMethod.JOB_OFFER,
        "QA");
    LOG.warning("DEMO MODE: loaded 5 fictional cases into an empty database.");
  }

  private void provision(DemoUser user) {
    signInAs(user);
    staff.signedIn(caller, !user.supervisor(), user.supervisor());
  }

  private void signInAs(DemoUser user) {
    caller.identify(user.subject(), user.username(), user.name(), List.of(user.team()));
  }

  /** A coded exploitation profile, as a caseworker would fill it in after the first interview. */
  private void describe(
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

  private void moveAlong(String caseNumber, CaseStatus... statuses) {
    for (CaseStatus to : statuses) {
      transitions.transition(caseNumber, to, null, null);
    }
  }

  private String register(
      RiskLevel risk,
      Sex sex,
      String nationality,
      DemoUser caseworker,
      SurvivorIdentity identity,
      String narrative) {
    return registration
        .register(
            new SurvivorCase(risk, new Survivor(sex, nationality)),
            identity,
            narrative,
            caseworker.username())
        .getCaseNumber();
  }

  /** Fictional people: names from lists of common names, numbers from unused ranges. */
  private static SurvivorIdentity identity(
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
}
