package org.haven.demo.boundary;

import static org.haven.demo.boundary.DemoUser.CASEWORKER2_NORTH;
import static org.haven.demo.boundary.DemoUser.CASEWORKER_NORTH;
import static org.haven.demo.boundary.DemoUser.CASEWORKER_SOUTH;
import static org.haven.demo.boundary.DemoUser.SUPERVISOR_NORTH;
import static org.haven.demo.boundary.DemoUser.SUPERVISOR_SOUTH;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.Caller;
import org.haven.access.boundary.Staff;
import org.haven.cases.boundary.CaseQueries;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.LabourType;
import org.haven.cases.entity.MeansOfControl;
import org.haven.cases.entity.RecruitmentMethod;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.referrals.entity.ReferralStatus;
import org.haven.referrals.entity.Urgency;

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
  @Inject CaseQueries caseQueries;
  @Inject Staff staff;
  @Inject Caller caller;
  @Inject DemoSteps demo;

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
    north();
    long cases = caseQueries.count(); // north's, as its supervisor sees them
    south();
    cases += caseQueries.count();
    LOG.warning(
        "DEMO MODE: loaded "
            + cases
            + " fictional cases (every stage, referrals in every state) into an empty database.");
  }

  private void north() {
    String blessing =
        demo.register(
            RiskLevel.HIGH,
            Sex.FEMALE,
            "NG",
            CASEWORKER_NORTH.username(),
            DemoSteps.identity(
                "Blessing", "Adeyemi", "1998-03-12", "+234 800 555 0101", "A00000101"),
            "Recruited through a job offer on social media; passport withheld by the employer.");
    demo.describe(
        blessing,
        List.of(ExploitationType.SEXUAL_EXPLOITATION),
        List.of(),
        List.of(MeansOfControl.WITHHOLDS_DOCUMENTS, MeansOfControl.DEBT_BONDAGE),
        RecruitmentMethod.ONLINE_SOCIAL_MEDIA,
        "IT");
    demo.moveAlong(blessing, CaseStatus.ASSESSMENT);
    demo.consentToShare(blessing, "SHELTER");
    demo.refer(
        blessing,
        "SHELTER",
        Urgency.EMERGENCY,
        true,
        "Needs a safe place tonight; the employer knows her address.",
        ReferralStatus.PENDING_APPROVAL,
        ReferralStatus.SENT,
        ReferralStatus.ACCEPTED);
    demo.refer(
        blessing,
        "MEDICAL",
        Urgency.URGENT,
        false,
        "Health check and sexual health care.",
        ReferralStatus.PENDING_APPROVAL);
    demo.refer(blessing, "LEGAL_AID", Urgency.ROUTINE, false, "Residence status and a claim.");
    String minh =
        demo.register(
            RiskLevel.MEDIUM,
            Sex.MALE,
            "VN",
            CASEWORKER_NORTH.username(),
            DemoSteps.identity("Minh", "Tran", "1990-07-01", "+84 900 555 0102", null),
            "Worked on a fishing vessel for 14 months without pay.");
    demo.describe(
        minh,
        List.of(ExploitationType.FORCED_LABOUR),
        List.of(LabourType.AQUAFARMING),
        List.of(MeansOfControl.TAKES_EARNINGS, MeansOfControl.RESTRICTS_MOVEMENT),
        RecruitmentMethod.JOB_OFFER,
        "TH");
    demo.moveAlong(minh, CaseStatus.ASSESSMENT, CaseStatus.CASE_PLAN);
    demo.goal(
        minh,
        "Recover the unpaid wages.",
        "Ask the legal aid office about a wage claim.",
        CASEWORKER_NORTH.username());
    demo.moveAlong(minh, CaseStatus.SERVICE_PROVISION);
    demo.service(minh, "INTERPRETATION", "Vietnamese interpreter for the first interview.");
    demo.service(minh, "LEGAL_AID", null);
    demo.refer(
        minh,
        "LEGAL_AID",
        Urgency.ROUTINE,
        false,
        "Wage claim against the vessel's owner.",
        ReferralStatus.PENDING_APPROVAL,
        ReferralStatus.SENT,
        ReferralStatus.DECLINED);
    demo.refer(
        minh,
        "INTERPRETATION",
        Urgency.URGENT,
        false,
        "Interpreter for the police statement.",
        ReferralStatus.PENDING_APPROVAL,
        ReferralStatus.RETURNED);
    demo.refer(
        minh,
        "RETURN_AND_REINTEGRATION",
        Urgency.ROUTINE,
        false,
        "Wishes to go home once the claim is filed.",
        ReferralStatus.PENDING_APPROVAL,
        ReferralStatus.SENT);
    demo.register(
        RiskLevel.LOW,
        Sex.FEMALE,
        "RO",
        CASEWORKER2_NORTH.username(),
        DemoSteps.identity("Elena", "Popescu", null, null, "RO0000103"),
        "Referred by a partner shelter.");
    String amina =
        demo.register(
            RiskLevel.MEDIUM,
            Sex.FEMALE,
            "SO",
            CASEWORKER2_NORTH.username(),
            DemoSteps.identity("Amina", "Yusuf", "2001-09-23", null, null),
            "Forced marriage; left with the help of a cousin.");
    demo.moveAlong(amina, CaseStatus.ASSESSMENT, CaseStatus.CASE_PLAN);
    demo.refer(
        amina,
        "PSYCHOSOCIAL",
        Urgency.ROUTINE,
        false,
        "Counselling in Somali if possible.",
        ReferralStatus.CANCELLED);
    String lin =
        demo.register(
            RiskLevel.LOW,
            Sex.MALE,
            "CN",
            CASEWORKER_NORTH.username(),
            DemoSteps.identity("Wei", "Lin", "1979-05-08", null, null),
            "Restaurant kitchen, documents kept by the owner.");
    demo.moveAlong(
        lin,
        CaseStatus.ASSESSMENT,
        CaseStatus.CASE_PLAN,
        CaseStatus.SERVICE_PROVISION,
        CaseStatus.CLOSURE_REQUESTED,
        CaseStatus.CLOSED);
    demo.reopen(lin, "The former employer contacted him again.");
  }

  private void south() {
    signInAs(SUPERVISOR_SOUTH);
    String joy =
        demo.register(
            RiskLevel.HIGH,
            Sex.UNDISCLOSED,
            "PH",
            CASEWORKER_SOUTH.username(),
            DemoSteps.identity("Joy", "Santos", "1999-02-14", "+63 900 555 0104", "P0000104"),
            "Domestic servitude; contact only through the shelter.");
    demo.describe(
        joy,
        List.of(ExploitationType.DOMESTIC_SERVITUDE),
        List.of(),
        List.of(MeansOfControl.RESTRICTS_MOVEMENT, MeansOfControl.THREATS),
        RecruitmentMethod.FAMILY,
        "AE");
    demo.moveAlong(joy, CaseStatus.ASSESSMENT, CaseStatus.CASE_PLAN, CaseStatus.SERVICE_PROVISION);
    demo.refer(
        joy,
        "FAMILY_TRACING",
        Urgency.ROUTINE,
        false,
        "Wishes to find her sister.",
        ReferralStatus.PENDING_APPROVAL,
        ReferralStatus.SENT,
        ReferralStatus.ACCEPTED,
        ReferralStatus.COMPLETED);
    String ram =
        demo.register(
            RiskLevel.MEDIUM,
            Sex.MALE,
            "NP",
            CASEWORKER_SOUTH.username(),
            DemoSteps.identity("Ram", "Thapa", "1985-11-30", null, null),
            "Construction site; debt bondage through recruitment fees.");
    demo.describe(
        ram,
        List.of(ExploitationType.FORCED_LABOUR),
        List.of(LabourType.CONSTRUCTION),
        List.of(MeansOfControl.DEBT_BONDAGE),
        RecruitmentMethod.JOB_OFFER,
        "QA");
    demo.moveAlong(
        ram,
        CaseStatus.ASSESSMENT,
        CaseStatus.CASE_PLAN,
        CaseStatus.SERVICE_PROVISION,
        CaseStatus.CLOSURE_REQUESTED);
    String ana =
        demo.register(
            RiskLevel.LOW,
            Sex.FEMALE,
            "MD",
            CASEWORKER_SOUTH.username(),
            DemoSteps.identity("Ana", "Rusu", "1994-01-17", null, null),
            "Returned home safely; the case is closed.");
    demo.moveAlong(
        ana,
        CaseStatus.ASSESSMENT,
        CaseStatus.CASE_PLAN,
        CaseStatus.SERVICE_PROVISION,
        CaseStatus.CLOSURE_REQUESTED,
        CaseStatus.CLOSED);
  }

  private void provision(DemoUser user) {
    signInAs(user);
    staff.signedIn(caller, !user.supervisor(), user.supervisor());
  }

  private void signInAs(DemoUser user) {
    caller.identify(user.subject(), user.username(), user.name(), List.of(user.team()));
  }
}
