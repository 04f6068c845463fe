package org.haven.keys;

import static org.haven.it.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.haven.audit.control.AuditSequencer;
import org.haven.audit.control.ChainVerifier;
import org.haven.audit.entity.AuditEvent;
import org.haven.cases.boundary.BreakGlass;
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.CaseNotes;
import org.haven.cases.boundary.CasePlans;
import org.haven.cases.boundary.CaseQueries;
import org.haven.cases.boundary.CaseRegistration;
import org.haven.cases.boundary.CaseSearch;
import org.haven.cases.boundary.CaseTasks;
import org.haven.cases.boundary.CaseTransitions;
import org.haven.cases.boundary.Consents;
import org.haven.cases.boundary.ServiceDelivery;
import org.haven.cases.entity.BreakGlassPurpose;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ConsentMethod;
import org.haven.cases.entity.ConsentType;
import org.haven.cases.entity.DocumentType;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.ServiceStatus;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.SharedField;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.crypto.boundary.FieldCrypto;
import org.haven.crypto.control.KeyEpochs;
import org.haven.database.boundary.DatabaseMigrations;
import org.haven.it.ActAs;
import org.haven.it.AuditChainTables;
import org.haven.it.CaseFixture;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.keys.boundary.KeyManagement;
import org.haven.keys.control.RekeyJob;
import org.haven.paging.PageRequest;
import org.haven.referrals.boundary.Referrals;
import org.haven.referrals.entity.ReferralStatus;
import org.haven.referrals.entity.Urgency;
import org.haven.services.boundary.ProviderDetails;
import org.haven.services.boundary.ServiceDirectory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Re-keying (docs/operations/keys.md): every value sealed with a survivor's old data key is sealed
 * again with a new one, in every protected column of every table; the blind indexes are computed
 * anew and searches find every case before, during and after; earlier audit events stay verifiable
 * while later ones use the new epoch's key; and work going on meanwhile loses nothing.
 */
@ExtendWith(ArquillianExtension.class)
class RekeyIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return HavenDeployment.withTest(RekeyIT.class);
  }

  @Inject ActAs act;
  @Inject KeyManagement keys;
  @Inject KeyEpochs epochs;
  @Inject AuditChainTables chain;
  @Inject AuditSequencer sequencer;
  @Inject FieldCrypto crypto;
  @Inject CaseRegistration registration;
  @Inject CaseQueries caseQueries;
  @Inject CaseNotes caseNotes;
  @Inject CaseTransitions transitions;
  @Inject Consents consents;
  @Inject CasePlans plans;
  @Inject CaseTasks tasks;
  @Inject ServiceDelivery services;
  @Inject ServiceDirectory directory;
  @Inject Referrals referrals;
  @Inject org.haven.documents.boundary.CaseDocuments documents;
  @Inject BreakGlass emergency;

  @Resource(lookup = DatabaseMigrations.DATASOURCE)
  DataSource dataSource;

  static final LocalDate BORN = LocalDate.of(1991, 7, 14);

  static SurvivorIdentity identity(String tag) {
    SurvivorIdentity id = new SurvivorIdentity();
    id.setGivenNames("Rekey" + tag);
    id.setFamilyName("Epochal");
    id.setAliases(List.of("Alias" + tag));
    id.setBirthDate(BORN);
    id.setPhones(List.of("+44 7700 9" + Math.abs(tag.hashCode() % 100_000)));
    id.setEmail("rekey." + tag.toLowerCase() + "@example.org");
    id.setAddress("1 Key Street\nLocktown");
    id.setDocumentType(DocumentType.PASSPORT);
    id.setDocumentNumber("RK" + tag);
    id.setPlaceOfOrigin("Village " + tag);
    return id;
  }

  String register(SurvivorIdentity identity) throws Exception {
    CaseFile registered =
        act.as(
            DemoStaff.CASEWORKER_NORTH,
            () ->
                registration.register(
                    new SurvivorCase(RiskLevel.HIGH, new Survivor(Sex.FEMALE, "NG")),
                    identity,
                    "The narrative of " + identity.getGivenNames(),
                    null));
    return registered.getCaseNumber();
  }

  /** A case with a value in every kind of protected column: parts, plan, referral, summary. */
  String everyPart(String tag) throws Exception {
    String n = register(identity(tag));
    act.as(
        DemoStaff.CASEWORKER_NORTH,
        () -> {
          caseNotes.addNote(n, "Note " + tag, null);
          transitions.transition(n, CaseStatus.ASSESSMENT, null, null);
          plans.writeAssessment(n, "Assessment " + tag, null);
          long goal = plans.addGoal(n, "Goal " + tag).orElseThrow().getId();
          plans.addAction(n, goal, "Action " + tag, "caseworker.north", LocalDate.now());
          tasks.add(n, "Task " + tag, LocalDate.now().plusDays(1), null);
          long service = services.plan(n, "MEDICAL", null, LocalDate.now()).orElseThrow().getId();
          services.record(
              n, service, ServiceStatus.DELIVERED, null, "Outcome " + tag, null, null, null);
          transitions.transition(n, CaseStatus.CASE_PLAN, null, null);
          return transitions.transition(n, CaseStatus.SERVICE_PROVISION, null, null);
        });
    act.as(DemoStaff.SUPERVISOR_NORTH, () -> transitions.returnForRework(n, "Rework " + tag));
    act.as(
        DemoStaff.CASEWORKER_SOUTH,
        () ->
            emergency.breakGlass(
                n, BreakGlassPurpose.MEDICAL_EMERGENCY, "Admitted to hospital at night " + tag));
    long provider =
        act.as(
                DemoStaff.ADMIN,
                () ->
                    directory.saveProvider(
                        null,
                        new ProviderDetails(
                            "Rekey shelter " + UUID.randomUUID(),
                            List.of("SHELTER"),
                            List.of(),
                            null,
                            null,
                            null,
                            24,
                            true),
                        null))
            .orElseThrow()
            .getId();
    long referral =
        act.as(
            DemoStaff.CASEWORKER_NORTH,
            () -> {
              consents.record(
                  n,
                  ConsentType.DATA_SHARING,
                  "Recipient " + tag,
                  "Purpose " + tag,
                  provider,
                  "SHELTER",
                  EnumSet.allOf(SharedField.class),
                  ConsentMethod.WRITTEN,
                  LocalDate.now());
              long id =
                  referrals
                      .create(n, "SHELTER", provider, Urgency.URGENT, true, "Referral " + tag, "en")
                      .orElseThrow()
                      .getId();
              referrals.transition(n, id, ReferralStatus.PENDING_APPROVAL, null, null);
              return id;
            });
    act.as(
        DemoStaff.SUPERVISOR_NORTH,
        () -> referrals.transition(n, referral, ReferralStatus.SENT, null, null));
    act.as(
        DemoStaff.CASEWORKER_NORTH,
        () ->
            documents.upload(
                n,
                org.haven.documents.entity.DocumentKind.STATEMENT,
                "Title " + tag,
                "statement-" + tag + ".txt",
                new java.io.ByteArrayInputStream(("Statement " + tag).getBytes())));
    return n;
  }

  /** What a caseworker reads of the case, every sealed value included. */
  List<String> readBack(String n) throws Exception {
    List<String> seen = new ArrayList<>();
    act.as(
        DemoStaff.SUPERVISOR_NORTH,
        () -> {
          var file = caseQueries.open(n).orElseThrow();
          seen.add(file.getSurvivor().getGivenNames());
          seen.add(file.getSurvivor().getDocumentNumber());
          seen.add(file.getSurvivor().getAddress());
          seen.add(file.getNarrative());
          seen.add(caseNotes.notes(n).orElseThrow().get(0).getText());
          var plan = plans.plan(n).orElseThrow();
          seen.add(plan.getAssessment());
          seen.add(plan.getGoals().get(0).getText());
          seen.add(plan.getGoals().get(0).getActions().get(0).getText());
          seen.add(String.valueOf(consents.consents(n).orElseThrow().get(0).getRecipient()));
          var referral = referrals.referrals(n).orElseThrow().get(0);
          seen.add(referral.getReason());
          seen.add(
              String.valueOf(referrals.summary(n, referral.getId()).orElseThrow().pdf().length));
          var document = documents.documents(n).orElseThrow().get(0);
          seen.add(document.title() + " / " + document.fileName());
          try (var content = documents.content(n, document.id()).orElseThrow().content().get()) {
            seen.add(new String(content.readAllBytes()));
          }
          seen.add(
              String.valueOf(
                  emergency.emergencyAccesses(PageRequest.first(100)).items().stream()
                      .filter(a -> n.equals(a.caseNumber()))
                      .findFirst()
                      .orElseThrow()
                      .explanation()));
          return null;
        });
    return seen;
  }

  RekeyJob.RekeyProgress rekeyToTheEnd() throws Exception {
    act.as(DemoStaff.ADMIN, () -> keys.rekey());
    Awaitility.await()
        .pollInSameThread() // the request context of the test's identity is this thread's
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> rekeyProgress().state() != RekeyJob.RekeyState.RUNNING);
    RekeyJob.RekeyProgress done = rekeyProgress();
    assertEquals(RekeyJob.RekeyState.DONE, done.state(), done.toString());
    return done;
  }

  RekeyJob.RekeyProgress rekeyProgress() throws Exception {
    return act.as(DemoStaff.ADMIN, () -> keys.status().rekey());
  }

  @Test
  void everySealedValueIsSealedAgainAndStaysReadable() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String n = everyPart(tag);
    List<String> before = readBack(n);
    Map<String, Set<Integer>> keysBefore = tinkKeyIds();
    Map<String, Long> valuesBefore = new HashMap<>(counted);
    Set<String> digestsBefore = digests(n);
    Object updatedBefore = updatedAt(n);
    int epochBefore = epochs.current();

    RekeyJob.RekeyProgress done = rekeyToTheEnd();

    assertEquals(epochBefore + 1, done.epoch());
    assertTrue(done.rekeyed() >= 1, done.toString());
    Map<String, Set<Integer>> keysAfter = tinkKeyIds();
    assertTrue(keysBefore.keySet().size() >= 15, "protected columns seen: " + keysBefore.keySet());
    for (var column : keysBefore.entrySet()) {
      Set<Integer> still = new HashSet<>(column.getValue());
      still.retainAll(keysAfter.getOrDefault(column.getKey(), Set.of()));
      assertTrue(still.isEmpty(), column.getKey() + " keeps values of an old data key: " + still);
    }
    // Nothing lost (new values may have come from other work meanwhile, none here).
    counted.forEach(
        (column, count) ->
            assertTrue(count >= valuesBefore.getOrDefault(column, 0L), column + ": " + count));
    assertEquals(before, readBack(n));
    assertEquals(updatedBefore, updatedAt(n), "a re-key is not an update anyone made");

    Set<String> digestsAfter = digests(n);
    assertEquals(digestsBefore.size(), digestsAfter.size());
    digestsAfter.retainAll(digestsBefore);
    assertTrue(digestsAfter.isEmpty(), "indexes kept from the old keys: " + digestsAfter);
    assertEquals(1, search(n, "Rekey" + tag + " Epochal", "RK" + tag));
    assertFalse(
        act.as(DemoStaff.SUPERVISOR_NORTH, () -> registration.possibleDuplicates(identity(tag)))
            .isEmpty());
    try (Connection db = dataSource.getConnection();
        PreparedStatement q =
            db.prepareStatement(
                "select count(*) from data_key where owner like 'index:%' and epoch < ?")) {
      q.setInt(1, done.epoch());
      try (ResultSet r = q.executeQuery()) {
        r.next();
        assertEquals(0, r.getLong(1), "index keys of earlier epochs are destroyed");
      }
    }

    // The trail: earlier events under their key, later ones under the new epoch's; one chain.
    act.as(DemoStaff.CASEWORKER_NORTH, () -> caseNotes.addNote(n, "After the re-key", null));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> chain.verify().intact());
    try (Connection db = dataSource.getConnection();
        Statement sql = db.createStatement();
        ResultSet r =
            sql.executeQuery(
                "select min(key_epoch), max(key_epoch) from audit_event where action = 'NOTE_ADDED'"
                    + " and object_id = '"
                    + n
                    + "'")) {
      r.next();
      assertTrue(r.getInt(1) < done.epoch(), "the first note's event keeps its epoch");
      assertEquals(done.epoch(), r.getInt(2), "the note after the re-key is in the new epoch");
    }
  }

  /**
   * The leaked key of an earlier epoch forges nothing after the re-key: an event sealed and linked
   * under it, or left waiting, is reported once the chain holds the re-key's end.
   */
  @Test
  void anEventUnderARetiredKeyIsReportedAfterTheRekey() throws Exception {
    RekeyJob.RekeyProgress done = rekeyToTheEnd();
    int retired = done.epoch() - 1;
    sequencer.drain();
    chain.holdLease("rekey-test", Duration.ofMinutes(10));
    chain.backup();
    try {
      assertTrue(chain.verify().intact(), "intact to start with: " + chain.verify());
      chain.asOwner(true);
      long forged = chain.lastId() + 1_000;
      AuditEvent event =
          new AuditEvent(
              forged,
              Instant.now().truncatedTo(ChronoUnit.MICROS),
              null,
              "admin",
              "admin",
              null,
              "SIGN_IN",
              "session",
              "api",
              AuditEvent.Outcome.SUCCESS,
              null,
              null,
              null,
              null);
      event.seal(retired, crypto.keyedHash(AuditEvent.CHAIN_KEY, retired));
      chain.execute(
          "insert into audit_event (id, occurred_at, actor_username, actor_roles, action,"
              + " object_type, object_id, outcome, mac, key_epoch) values ("
              + forged
              + ", timestamp with time zone '"
              + event.getOccurredAt().toString().replace('T', ' ').replace("Z", "+00:00")
              + "', 'admin', 'admin', 'SIGN_IN', 'session', 'api', 'SUCCESS', '"
              + event.getMac()
              + "', "
              + retired
              + ")");
      // Waiting: its MAC is right under the old key, and still it is reported.
      ChainVerifier.Result waiting = chain.verify();
      assertFalse(waiting.intact());
      assertEquals(forged, waiting.firstBrokenEvent(), waiting.toString());
      assertTrue(waiting.reason().contains("retired"), waiting.reason());
      // Linked into the chain under its own (old) key, as the sequencer would.
      chain.execute("insert into audit_pending (event_id) values (" + forged + ")");
      chain.sequence(chain.candidate("rekey-test", Duration.ofMinutes(10)), true);
      ChainVerifier.Result linked = chain.verify();
      assertFalse(linked.intact());
      assertEquals(forged, linked.firstBrokenEvent(), linked.toString());
      assertTrue(linked.reason().contains("retired"), linked.reason());
    } finally {
      chain.restore();
      chain.asOwner(false);
      chain.dropBackup();
      chain.releaseLease();
    }
    sequencer.drain();
    assertTrue(chain.verify().intact(), "restored: " + chain.verify());
  }

  @Test
  void searchesFindEveryCaseWhileTheRekeyRuns() throws Exception {
    String early = UUID.randomUUID().toString().substring(0, 8);
    String earlyCase = register(identity(early));
    // The epoch begins as the job's first step does, the job itself not yet started: cases are
    // then indexed under two generations of keys.
    int epoch = epochs.begin("RekeyIT");
    String late = UUID.randomUUID().toString().substring(0, 8);
    String lateCase = register(identity(late));
    assertEquals(1, search(earlyCase, "Rekey" + early + " Epochal", "RK" + early));
    assertEquals(1, search(lateCase, "Rekey" + late + " Epochal", "RK" + late));
    assertFalse(
        act.as(DemoStaff.SUPERVISOR_NORTH, () -> registration.possibleDuplicates(identity(early)))
            .isEmpty(),
        "the duplicate check looks under the earlier keys too");

    RekeyJob.RekeyProgress done = rekeyToTheEnd();
    assertEquals(epoch, done.epoch(), "the started epoch is finished, not another begun");
    assertEquals(1, search(earlyCase, "Rekey" + early + " Epochal", "RK" + early));
    assertEquals(1, search(lateCase, "Rekey" + late + " Epochal", "RK" + late));
  }

  /** Caseworkers at work over REST during a re-key: every request answers, every note reads. */
  @Test
  @RunAsClient
  void workGoesOnDuringTheRekey() throws Exception {
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      cases.add(CaseFixture.newCase());
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    AtomicBoolean stop = new AtomicBoolean();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    Map<String, List<String>> written = new java.util.concurrent.ConcurrentHashMap<>();
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      int worker = w;
      workers.add(
          pool.submit(
              () -> {
                for (int i = 0; !stop.get(); i++) {
                  String n = cases.get((i * 3 + worker) % cases.size());
                  String text = "during " + worker + "/" + i;
                  Response added =
                      api(DemoStaff.CASEWORKER_NORTH)
                          .body("{\"text\":\"" + text + "\"}")
                          .post("/cases/" + n + "/notes");
                  if (added.statusCode() != 201) {
                    failures.add("note " + added.statusCode() + " " + added.asString());
                  } else {
                    written.merge(n, List.of(text), RekeyIT::concat);
                  }
                  Response read = api(DemoStaff.CASEWORKER_NORTH).get("/cases/" + n);
                  if (read.statusCode() != 200) {
                    failures.add("read " + read.statusCode() + " " + read.asString());
                  }
                }
                return null;
              }));
    }
    Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> written.size() >= 3);
    // Another test's re-key may still be finishing.
    Awaitility.await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> !"RUNNING".equals(api(DemoStaff.ADMIN).get("/admin/keys").path("rekey.state")));
    Response started = api(DemoStaff.ADMIN).post("/admin/keys/rekey");
    assertEquals(202, started.statusCode(), started.asString());
    assertEquals("RUNNING", started.path("rekey.state"));
    Awaitility.await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> !"RUNNING".equals(api(DemoStaff.ADMIN).get("/admin/keys").path("rekey.state")));
    stop.set(true);
    for (Future<?> w : workers) {
      w.get();
    }
    pool.shutdown();
    assertEquals("DONE", api(DemoStaff.ADMIN).get("/admin/keys").path("rekey.state"));
    assertTrue(failures.isEmpty(), failures.toString());
    for (var c : written.entrySet()) {
      List<String> texts =
          api(DemoStaff.CASEWORKER_NORTH)
              .get("/cases/" + c.getKey() + "/notes")
              .then()
              .statusCode(200)
              .extract()
              .path("text");
      assertTrue(texts.containsAll(c.getValue()), c.getKey() + ": " + texts);
    }
    Response verified = api(DemoStaff.ADMIN).get("/audit/verify");
    assertEquals(Boolean.TRUE, verified.path("intact"), verified.asString());
    Response again = api(DemoStaff.ADMIN).post("/admin/keys/rotation");
    assertEquals(202, again.statusCode(), "a rotation may follow a finished re-key");
    Awaitility.await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "DONE".equals(api(DemoStaff.ADMIN).get("/admin/keys").path("rotation.state")));
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> both = new ArrayList<>(a);
    both.addAll(b);
    return both;
  }

  long search(String n, String name, String document) throws Exception {
    var page =
        act.as(
            DemoStaff.SUPERVISOR_NORTH,
            () ->
                caseQueries.list(
                    PageRequest.first(10), new CaseSearch(name, BORN, null, document)));
    assertTrue(
        page.items().stream().allMatch(row -> n.equals(row.getCaseNumber())), page.toString());
    return page.totalItems();
  }

  /** The Tink key ids in each protected (binary) column of every table, over all its rows. */
  Map<String, Set<Integer>> tinkKeyIds() throws Exception {
    Map<String, Set<Integer>> ids = new HashMap<>();
    counted.clear();
    try (Connection db = dataSource.getConnection()) {
      List<String[]> columns = new ArrayList<>();
      try (ResultSet c = db.getMetaData().getColumns(null, db.getSchema(), "%", "%")) {
        while (c.next()) {
          int type = c.getInt("DATA_TYPE");
          String table = c.getString("TABLE_NAME");
          if ((type == Types.BINARY
                  || type == Types.VARBINARY
                  || type == Types.LONGVARBINARY
                  || type == Types.BLOB)
              && !table.equalsIgnoreCase("data_key")) {
            columns.add(new String[] {table, c.getString("COLUMN_NAME")});
          }
        }
      }
      for (String[] column : columns) {
        String name = column[0] + "." + column[1];
        try (Statement sql = db.createStatement();
            ResultSet r =
                sql.executeQuery(
                    "select "
                        + column[1]
                        + " from "
                        + column[0]
                        + " where "
                        + column[1]
                        + " is not null")) {
          Set<Integer> seen = ids.computeIfAbsent(name, k -> new HashSet<>());
          while (r.next()) {
            byte[] value = r.getBytes(1);
            assertEquals(1, value[0], name + " holds something that is not a Tink ciphertext");
            seen.add(java.nio.ByteBuffer.wrap(value, 1, 4).getInt());
            counted.merge(name, 1L, Long::sum);
          }
        }
      }
    }
    return ids;
  }

  /** How many values each protected column held at the last {@link #tinkKeyIds()}. */
  private final Map<String, Long> counted = new HashMap<>();

  Set<String> digests(String n) throws Exception {
    Set<String> found = new HashSet<>();
    try (Connection db = dataSource.getConnection();
        PreparedStatement q =
            db.prepareStatement(
                "select i.digest from case_search_index i join survivor_case c on c.id = i.case_id"
                    + " where c.case_number = ?")) {
      q.setString(1, n);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          found.add(r.getString(1));
        }
      }
    }
    assertFalse(found.isEmpty());
    return found;
  }

  Object updatedAt(String n) throws Exception {
    try (Connection db = dataSource.getConnection();
        PreparedStatement q =
            db.prepareStatement("select updated_at from survivor_case where case_number = ?")) {
      q.setString(1, n);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getObject(1).toString();
      }
    }
  }
}
