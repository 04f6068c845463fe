package org.haven.access;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.haven.audit.boundary.AuditReview;
import org.haven.cases.boundary.BreakGlass;
import org.haven.cases.boundary.CaseErasure;
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.CaseNotes;
import org.haven.cases.boundary.CaseOverview;
import org.haven.cases.boundary.CasePlans;
import org.haven.cases.boundary.CaseProfile;
import org.haven.cases.boundary.CaseQueries;
import org.haven.cases.boundary.CaseRegistration;
import org.haven.cases.boundary.CaseTasks;
import org.haven.cases.boundary.CaseTransitions;
import org.haven.cases.boundary.Consents;
import org.haven.cases.boundary.Reassignment;
import org.haven.cases.boundary.ServiceDelivery;
import org.haven.cases.entity.BreakGlassPurpose;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ConsentMethod;
import org.haven.cases.entity.ConsentType;
import org.haven.cases.entity.ErasureReason;
import org.haven.cases.entity.ExploitationProfile;
import org.haven.cases.entity.GoalStatus;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.ServiceStatus;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.cases.entity.TaskStatus;
import org.haven.it.ActAs;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.keys.boundary.KeyManagement;
import org.haven.notifications.boundary.Notifications;
import org.haven.paging.PageRequest;
import org.haven.problems.Conflict;
import org.haven.referrals.boundary.Referrals;
import org.haven.referrals.entity.ReferralStatus;
import org.haven.referrals.entity.Urgency;
import org.haven.reports.boundary.CaseReports;
import org.haven.reports.boundary.ReportFilters;
import org.haven.services.boundary.ProviderDetails;
import org.haven.services.boundary.ServiceDirectory;
import org.haven.staff.boundary.AccessManagement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same access table for the boundaries, called inside the server: what the REST table checks
 * from outside must also hold for any other client of a boundary (a page, a job). A new boundary
 * method without a row fails the build.
 */
@ExtendWith(ArquillianExtension.class)
class BoundaryAccessTableIT {

  enum Outcome {
    ALLOWED,
    DENIED,
    /** Answers as if the case did not exist. */
    ABSENT
  }

  interface Call {
    Object invoke(BoundaryAccessTableIT test) throws Exception;
  }

  /**
   * A boundary method and what each caller gets: caseworker, supervisor, admin, anonymous, other
   * team (supervisor.south). {@code north} is a case of caseworker.north.
   */
  record Row(String method, Call call, Outcome... outcomes) {}

  static final Outcome Y = Outcome.ALLOWED;
  static final Outcome N = Outcome.DENIED;
  static final Outcome A = Outcome.ABSENT;

  static final List<Row> TABLE =
      List.of(
          //                                                                  cw sup adm anon other
          new Row("CaseQueries#count", t -> t.caseQueries.count(), Y, Y, N, N, Y),
          new Row(
              "CaseQueries#list",
              t -> t.caseQueries.list(PageRequest.first(5), null).map(CaseFile::getRecord),
              Y,
              Y,
              N,
              N,
              Y),
          new Row("CaseQueries#open", t -> t.caseQueries.open(t.north), Y, Y, N, N, A),
          new Row(
              "CaseRegistration#register",
              t ->
                  t.registration
                      .register(new SurvivorCase(RiskLevel.LOW, null), null, null, null)
                      .getRecord(),
              Y,
              Y,
              N,
              N,
              Y),
          new Row(
              "Reassignment#reassign",
              t -> t.reassignment.reassign(t.north, "caseworker.north"),
              N,
              Y,
              N,
              N,
              A),
          new Row(
              "Reassignment#assignableCaseworkers",
              t -> t.reassignment.assignableCaseworkers(),
              Y,
              Y,
              N,
              N,
              Y),
          new Row(
              "CaseRegistration#possibleDuplicates",
              t -> t.registration.possibleDuplicates(new SurvivorIdentity()),
              Y,
              Y,
              N,
              N,
              Y),
          // Erasure rows act on a fresh case of caseworker.north per call, so order cannot matter.
          new Row(
              "CaseErasure#requestErasure",
              t -> t.erasure.requestErasure(t.fresh.remove(0), ErasureReason.SURVIVOR_REQUEST),
              Y,
              Y,
              N,
              N,
              A),
          new Row(
              "CaseErasure#withdrawErasureRequest",
              t -> t.erasure.withdrawErasureRequest(t.requested.remove(0)),
              Y,
              Y,
              N,
              N,
              A),
          new Row(
              "CaseErasure#erase",
              t -> t.erasure.erase(t.fresh.remove(0), ErasureReason.RECORDED_IN_ERROR),
              N,
              Y,
              N,
              N,
              A),
          new Row(
              "BreakGlass#breakGlass",
              t ->
                  t.emergency.breakGlass(
                      "HVN-1999-999999",
                      BreakGlassPurpose.SAFETY_THREAT,
                      "A case number read out on the phone by the police."),
              A,
              A,
              N,
              N,
              A),
          new Row(
              "CaseTransitions#transition",
              t -> t.transitions.transition(t.fresh.remove(0), CaseStatus.ASSESSMENT, null, null),
              Y,
              Y,
              N,
              N,
              A),
          // What a page offers for a case file the caller already holds: it reveals nothing more.
          new Row(
              "CaseTransitions#allowedMoves",
              t -> t.transitions.allowedMoves(t.northFile),
              Y,
              Y,
              N,
              N,
              Y),
          new Row(
              "CaseTransitions#returnForRework",
              t -> t.transitions.returnForRework("HVN-1999-999999", "not ready"),
              N,
              A,
              N,
              N,
              A),
          new Row(
              "CaseQueries#statusHistory",
              t -> t.caseQueries.statusHistory(t.north),
              Y,
              Y,
              N,
              N,
              A),
          new Row(
              "CaseNotes#addNote",
              t -> t.caseNotes.addNote(t.north, "Called.", null),
              Y,
              Y,
              N,
              N,
              A),
          new Row("CaseNotes#notes", t -> t.caseNotes.notes(t.north), Y, Y, N, N, A),
          new Row(
              "CaseProfile#describeExploitation",
              t -> t.profile.describeExploitation(t.north, ExploitationProfile.EMPTY, null),
              Y,
              Y,
              N,
              N,
              A),
          new Row(
              "IdentityCorrection#correct",
              t ->
                  t.identityCorrection.correct(
                      t.north,
                      new org.haven.cases.entity.Survivor(),
                      new org.haven.cases.entity.SurvivorIdentity(),
                      null),
              Y,
              Y,
              N,
              N,
              A),
          new Row(
              "CaseProfile#assessRisk",
              t -> t.profile.assessRisk(t.north, RiskLevel.HIGH, null),
              Y,
              Y,
              N,
              N,
              A),
          new Row("Consents#consents", t -> t.consents.consents(t.north), Y, Y, N, N, A),
          new Row(
              "Consents#record",
              t ->
                  t.consents.record(
                      t.north,
                      ConsentType.STATISTICS,
                      null,
                      null,
                      null,
                      null,
                      java.util.Set.of(),
                      ConsentMethod.VERBAL,
                      LocalDate.now()),
              Y,
              Y,
              N,
              N,
              A),
          new Row(
              "Consents#withdraw",
              t -> t.consents.withdraw("HVN-1999-999999", 1, null),
              A,
              A,
              N,
              N,
              A),
          new Row("CasePlans#plan", t -> t.plans.plan(t.north), Y, Y, N, N, A),
          new Row(
              "CasePlans#writeAssessment",
              t -> t.plans.writeAssessment(t.north, "Needs a safe place to stay.", null),
              Y,
              Y,
              N,
              N,
              A),
          new Row(
              "CasePlans#addGoal",
              t -> t.plans.addGoal(t.north, "Safe housing within a month."),
              Y,
              Y,
              N,
              N,
              A),
          new Row(
              "CasePlans#changeGoal",
              t -> t.plans.changeGoal("HVN-1999-999999", 1, null, GoalStatus.ACHIEVED, null),
              A,
              A,
              N,
              N,
              A),
          new Row(
              "CasePlans#addAction",
              t -> t.plans.addAction("HVN-1999-999999", 1, "Visit the shelter.", null, null),
              A,
              A,
              N,
              N,
              A),
          new Row(
              "CasePlans#changeAction",
              t -> t.plans.changeAction("HVN-1999-999999", 1, null, null, null, true, null),
              A,
              A,
              N,
              N,
              A),
          new Row("CaseTasks#tasks", t -> t.tasks.tasks(t.north), Y, Y, N, N, A),
          new Row(
              "CaseTasks#add",
              t -> t.tasks.add(t.north, "Call back.", LocalDate.now().plusDays(1), null),
              Y,
              Y,
              N,
              N,
              A),
          new Row(
              "CaseTasks#change",
              t -> t.tasks.change("HVN-1999-999999", 1, TaskStatus.DONE, null, null, null),
              A,
              A,
              N,
              N,
              A),
          new Row("CaseTasks#openTasks", t -> t.tasks.openTasks(false), Y, Y, N, N, Y),
          new Row("CaseOverview#figures", t -> t.overview.figures(), Y, Y, Y, N, Y),
          new Row(
              "Referrals#allowedMoves",
              t -> t.referrals.allowedMoves(ReferralStatus.DRAFT),
              Y,
              Y,
              N,
              N,
              Y),
          new Row("Referrals#referrals", t -> t.referrals.referrals(t.north), Y, Y, N, N, A),
          new Row(
              "Referrals#create",
              t ->
                  t.referrals.create(
                      "HVN-1999-999999", "LEGAL_AID", 0L, Urgency.ROUTINE, false, "Advice.", "en"),
              A,
              A,
              N,
              N,
              A),
          new Row(
              "Referrals#transition",
              t ->
                  t.referrals.transition("HVN-1999-999999", 1, ReferralStatus.CANCELLED, "x", null),
              A,
              A,
              N,
              N,
              A),
          new Row("Referrals#awaitingApproval", t -> t.referrals.awaitingApproval(), N, Y, N, N, Y),
          new Row(
              "Referrals#summary", t -> t.referrals.summary("HVN-1999-999999", 1), A, A, N, N, A),
          new Row("Notifications#mine", t -> t.notifications.mine(false), Y, Y, N, N, Y),
          new Row("Notifications#unreadCount", t -> t.notifications.unreadCount(), Y, Y, N, N, Y),
          // Nobody's notification 0: answers as absent, like someone else's.
          new Row("Notifications#markRead", t -> t.notifications.markRead(0), A, A, N, N, A),
          new Row("Notifications#markAllRead", t -> t.notifications.markAllRead(), Y, Y, N, N, Y),
          new Row(
              "Referrals#awaitingApprovalCount",
              t -> t.referrals.awaitingApprovalCount(),
              N,
              Y,
              N,
              N,
              Y),
          new Row("ServiceDelivery#services", t -> t.caseServices.services(t.north), Y, Y, N, N, A),
          new Row(
              "ServiceDelivery#plan",
              t -> t.caseServices.plan(t.north, "MEDICAL", null, LocalDate.now()),
              Y,
              Y,
              N,
              N,
              A),
          new Row(
              "ServiceDelivery#record",
              t ->
                  t.caseServices.record(
                      "HVN-1999-999999", 1, ServiceStatus.CANCELLED, null, null, null, null, null),
              A,
              A,
              N,
              N,
              A),
          new Row(
              "ServiceDirectory#serviceTypes", t -> t.directory.serviceTypes(false), Y, Y, Y, N, Y),
          new Row(
              "ServiceDirectory#saveServiceType",
              t -> t.directory.saveServiceType("IT_BOUNDARY", "Boundary table", null, false),
              N,
              N,
              Y,
              N,
              N),
          new Row(
              "ServiceDirectory#providers",
              t -> t.directory.providers(null, null, false),
              Y,
              Y,
              Y,
              N,
              Y),
          new Row(
              "ServiceDirectory#hasProviders", t -> t.directory.hasProviders(false), Y, Y, Y, N, Y),
          new Row("ServiceDirectory#provider", t -> t.directory.provider(0), A, A, A, N, A),
          new Row(
              "ServiceDirectory#saveProvider",
              t ->
                  t.directory.saveProvider(
                      0L,
                      new ProviderDetails(
                          "Nobody", List.of("SHELTER"), List.of(), null, null, null, 5, true),
                      null),
              N,
              N,
              A,
              N,
              N),
          new Row(
              "ServiceDirectory#importProviders",
              t ->
                  t.directory.importProviders(
                      "name,serviceTypes,areas,phone,email,address,responseTimeHours\n"),
              N,
              N,
              Y,
              N,
              N),
          new Row(
              "CaseOverview#pendingApprovals", t -> t.overview.pendingApprovals(), N, Y, N, N, Y),
          new Row(
              "BreakGlass#emergencyAccesses",
              t -> t.emergency.emergencyAccesses(PageRequest.first(20)),
              N,
              Y,
              N,
              N,
              Y),
          new Row("KeyManagement#status", t -> t.keys.status(), N, N, Y, N, N),
          new Row("KeyManagement#rotate", t -> t.rotate(), N, N, Y, N, N),
          new Row("KeyManagement#destroyRetiredKeys", t -> t.destroyRetired(), N, N, Y, N, N),
          new Row("KeyManagement#rekey", t -> t.rekey(), N, N, Y, N, N),
          new Row(
              "AuditReview#events",
              t -> t.auditReview.events(null, PageRequest.first(5)),
              Y,
              Y,
              Y,
              N,
              Y),
          new Row(
              "AuditReview#export",
              t -> {
                t.auditReview.export(null, java.io.OutputStream.nullOutputStream());
                return null;
              },
              Y,
              Y,
              Y,
              N,
              Y),
          new Row("AuditReview#verify", t -> t.auditReview.verify(), N, N, Y, N, N),
          new Row(
              "CaseReports#cases",
              t -> t.reports.cases(List.of("sex"), ReportFilters.NONE),
              N,
              Y,
              Y,
              N,
              Y),
          new Row("CaseReports#threshold", t -> t.reports.threshold(), N, Y, Y, N, Y),
          new Row(
              "CaseReports#download",
              t -> t.reports.download(List.of("status"), ReportFilters.NONE, "csv"),
              N,
              Y,
              Y,
              N,
              Y),
          new Row("CtdcExport#report", t -> t.ctdc.report(), N, N, Y, N, N),
          new Row(
              "CaseDocuments#upload",
              t ->
                  t.documents.upload(
                      t.north,
                      org.haven.documents.entity.DocumentKind.OTHER,
                      "Statement",
                      "statement.txt",
                      new java.io.ByteArrayInputStream("A statement.".getBytes())),
              Y,
              Y,
              N,
              N,
              A),
          new Row("CaseDocuments#documents", t -> t.documents.documents(t.north), Y, Y, N, N, A),
          new Row(
              "CaseDocuments#content",
              t -> t.documents.content("HVN-1999-999999", 1),
              A,
              A,
              N,
              N,
              A),
          new Row(
              "CaseDocuments#delete",
              t -> t.documents.delete("HVN-1999-999999", 1, "Wrong case."),
              A,
              A,
              N,
              N,
              A),
          new Row("CaseDocuments#limit", t -> t.documents.limit(), Y, Y, N, N, Y),
          new Row(
              "ReportIndicators#indicators",
              t -> t.indicators.indicators(ReportFilters.NONE),
              N,
              Y,
              Y,
              N,
              Y),
          new Row(
              "CtdcExport#export", t -> t.ctdc.export(new java.io.StringWriter()), N, N, Y, N, N),
          new Row("CtdcExport#k", t -> t.ctdc.k(), N, N, Y, N, N),
          new Row("CtdcExport#prepare", t -> t.ctdc.prepare(), N, N, Y, N, N),
          new Row("CtdcExport#job", t -> t.ctdc.job("no-such-job"), N, N, A, N, N),
          new Row("CtdcExport#download", t -> t.ctdc.download("no-such-job"), N, N, A, N, N),
          new Row("AuditReview#checkpoint", t -> t.auditReview.checkpoint(), N, N, Y, N, N),
          new Row("AccessManagement#users", t -> t.access.users(), N, N, Y, N, N),
          new Row("AccessManagement#user", t -> t.access.user("caseworker2.north"), N, N, Y, N, N),
          new Row("AccessManagement#teams", t -> t.access.teams(), N, N, Y, N, N),
          new Row(
              "AccessManagement#grantRole",
              t -> t.access.grantRole("caseworker2.north", "caseworker"),
              N,
              N,
              Y,
              N,
              N),
          new Row(
              "AccessManagement#revokeRole",
              t -> t.access.revokeRole("caseworker2.north", "admin"),
              N,
              N,
              Y,
              N,
              N),
          new Row(
              "AccessManagement#moveToTeam",
              t -> t.access.moveToTeam("caseworker2.north", "north"),
              N,
              N,
              Y,
              N,
              N),
          new Row(
              "AccessManagement#setEnabled",
              t -> t.access.setEnabled("caseworker2.north", true),
              N,
              N,
              Y,
              N,
              N));

  /** The callers, in the table's column order; anonymous is nobody at all. */
  static final List<Optional<DemoStaff>> ACTORS =
      List.of(
          Optional.of(DemoStaff.CASEWORKER_NORTH),
          Optional.of(DemoStaff.SUPERVISOR_NORTH),
          Optional.of(DemoStaff.ADMIN),
          Optional.empty(),
          Optional.of(DemoStaff.SUPERVISOR_SOUTH));

  @Deployment
  static EnterpriseArchive deployment() {
    return HavenDeployment.withTest(BoundaryAccessTableIT.class);
  }

  @Inject BreakGlass emergency;
  @Inject CaseErasure erasure;
  @Inject CaseNotes caseNotes;
  @Inject CaseProfile profile;
  @Inject org.haven.cases.boundary.IdentityCorrection identityCorrection;
  @Inject CaseQueries caseQueries;
  @Inject CaseRegistration registration;
  @Inject CaseTransitions transitions;
  @Inject Reassignment reassignment;
  @Inject Consents consents;
  @Inject CasePlans plans;
  @Inject CaseTasks tasks;
  @Inject CaseOverview overview;
  @Inject ServiceDirectory directory;
  @Inject ServiceDelivery caseServices;
  @Inject Referrals referrals;
  @Inject Notifications notifications;
  @Inject AccessManagement access;
  @Inject KeyManagement keys;
  @Inject AuditReview auditReview;
  @Inject CaseReports reports;
  @Inject org.haven.documents.boundary.CaseDocuments documents;
  @Inject org.haven.reports.boundary.ReportIndicators indicators;
  @Inject org.haven.reports.boundary.CtdcExport ctdc;
  @Inject ActAs act;
  String north;
  CaseFile northFile;
  final List<String> fresh = new ArrayList<>();
  final List<String> requested = new ArrayList<>();

  /** Starts a key rotation; one already running (another test's) counts as allowed too. */
  Object rotate() {
    try {
      return keys.rotate();
    } catch (Conflict running) {
      return running.getMessage();
    }
  }

  /** While a rotation or another re-key runs, re-keying is a 409: not an access matter. */
  Object rekey() {
    try {
      return keys.rekey();
    } catch (Conflict running) {
      return running.getMessage();
    }
  }

  /** While another test's rotation runs, destroying is a 409: not an access matter. */
  Object destroyRetired() {
    try {
      return keys.destroyRetiredKeys();
    } catch (Conflict running) {
      return running.getMessage();
    }
  }

  @Test
  void everyCallerGetsWhatTheTableSays() throws Exception {
    for (DemoStaff user : DemoStaff.values()) {
      act.signIn(user);
    }
    northFile =
        act.as(
            DemoStaff.CASEWORKER_NORTH,
            () -> registration.register(new SurvivorCase(RiskLevel.HIGH, null), null, null, null));
    north = northFile.getCaseNumber();
    for (int i = 0; i < 3 * ACTORS.size(); i++) {
      fresh.add(
          act.as(
                  DemoStaff.CASEWORKER_NORTH,
                  () ->
                      registration.register(
                          new SurvivorCase(RiskLevel.LOW, null), null, null, null))
              .getCaseNumber());
    }
    for (int i = 0; i < ACTORS.size(); i++) {
      String number =
          act.as(
                  DemoStaff.CASEWORKER_NORTH,
                  () ->
                      registration.register(
                          new SurvivorCase(RiskLevel.LOW, null), null, null, null))
              .getCaseNumber();
      act.as(
          DemoStaff.CASEWORKER_NORTH,
          () -> erasure.requestErasure(number, ErasureReason.SURVIVOR_REQUEST));
      requested.add(number);
    }
    List<String> wrong = new ArrayList<>();
    for (Row row : TABLE) {
      for (int column = 0; column < ACTORS.size(); column++) {
        Optional<DemoStaff> actor = ACTORS.get(column);
        String who = actor.map(user -> user.username).orElse("anonymous");
        Outcome expected = row.outcomes()[column];
        Outcome actual;
        try {
          Callable<Object> call = () -> row.call().invoke(this);
          Object result = actor.isPresent() ? act.as(actor.get(), call) : act.anonymously(call);
          actual =
              result instanceof Optional<?> o && o.isEmpty() ? Outcome.ABSENT : Outcome.ALLOWED;
        } catch (Exception e) {
          if (!ActAs.causedBy(e, EJBAccessException.class)) {
            wrong.add(row.method() + " as " + who + " failed: " + e);
            continue;
          }
          actual = Outcome.DENIED;
        }
        if (actual != expected) {
          wrong.add(row.method() + " as " + who + ": expected " + expected + ", got " + actual);
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  /** Every business method of a role-guarded boundary has a row; run on the client. */
  @Test
  @RunAsClient
  void theTableCoversEveryGuardedBoundaryMethod() throws Exception {
    Set<String> methods = new TreeSet<>();
    String jar =
        CaseQueries.class.getProtectionDomain().getCodeSource().getLocation().toURI().getPath();
    try (JarFile classes = new JarFile(jar)) {
      for (Enumeration<JarEntry> e = classes.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (!entry.getName().contains("/boundary/") || !entry.getName().endsWith(".class")) {
          continue;
        }
        String bytes =
            new String(classes.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!bytes.contains("jakarta/ejb/Stateless")) {
          continue;
        }
        Class<?> type =
            Class.forName(
                entry.getName().replace('/', '.').replaceAll("\\.class$", ""),
                false,
                getClass().getClassLoader());
        if (type.isAnnotationPresent(Stateless.class)
            && type.isAnnotationPresent(RolesAllowed.class)) {
          for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
              methods.add(type.getSimpleName() + "#" + m.getName());
            }
          }
        }
      }
    }
    Set<String> rows =
        TABLE.stream().map(Row::method).collect(Collectors.toCollection(TreeSet::new));
    assertTrue(methods.contains("CaseRegistration#register"), "boundaries not found: " + methods);
    Set<String> missing = new TreeSet<>(methods);
    missing.removeAll(rows);
    assertTrue(missing.isEmpty(), "boundary methods without a row in the access table: " + missing);
    Set<String> stale = new TreeSet<>(rows);
    stale.removeAll(methods);
    assertTrue(stale.isEmpty(), "rows for boundary methods that do not exist: " + stale);
  }
}
