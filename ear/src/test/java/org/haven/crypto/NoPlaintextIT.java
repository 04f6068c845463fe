package org.haven.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.haven.cases.boundary.BreakGlass;
import org.haven.cases.boundary.CaseErasure;
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
import org.haven.cases.entity.ErasureReason;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.ServiceStatus;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.SharedField;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.crypto.control.CryptoFailure;
import org.haven.database.boundary.DatabaseMigrations;
import org.haven.it.ActAs;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.paging.PageRequest;
import org.haven.referrals.boundary.Referrals;
import org.haven.referrals.entity.ReferralStatus;
import org.haven.referrals.entity.Urgency;
import org.haven.services.boundary.ProviderDetails;
import org.haven.services.boundary.ServiceDirectory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Survivor data is ciphertext wherever it rests: cases full of unique canary strings in every
 * protected field, then every table of the database (every column, binary ones decoded too; H2's
 * SCRIPT as well) and the server log are searched for them. Also: a ciphertext moved to another row
 * or column does not decrypt, and an erasure leaves nothing decryptable and no index.
 */
@ExtendWith(ArquillianExtension.class)
class NoPlaintextIT {

  /** Spelled so that it appears nowhere else; each field's canary starts with it. */
  static final String CANARY = "Qz7Canary";

  static final LocalDate CANARY_BIRTH_DATE = LocalDate.of(1917, 3, 8);
  // Twelve digits: random hex (a UUID request id, a ciphertext) holds any seven now and then.
  static final String CANARY_PHONE_DIGITS = "773091704562";

  @Deployment
  static EnterpriseArchive deployment() {
    return HavenDeployment.withTest(NoPlaintextIT.class);
  }

  @Inject BreakGlass emergency;
  @Inject CaseErasure erasure;
  @Inject CaseNotes caseNotes;
  @Inject CaseQueries caseQueries;
  @Inject CaseRegistration registration;
  @Inject CaseTransitions transitions;
  @Inject Consents consents;
  @Inject CasePlans plans;
  @Inject CaseTasks tasks;
  @Inject ServiceDelivery services;
  @Inject ServiceDirectory directory;
  @Inject Referrals referrals;
  @Inject ActAs act;

  @Resource(lookup = DatabaseMigrations.DATASOURCE)
  DataSource dataSource;

  @Resource(lookup = DatabaseMigrations.OWNER_DATASOURCE)
  DataSource ownerDataSource;

  static SurvivorIdentity canaries(String tag) {
    SurvivorIdentity id = new SurvivorIdentity();
    id.setGivenNames(CANARY + "Given" + tag);
    id.setFamilyName(CANARY + "Family" + tag);
    id.setAliases(List.of(CANARY + "Alias" + tag));
    id.setBirthDate(CANARY_BIRTH_DATE);
    id.setPhones(List.of("+99 " + CANARY_PHONE_DIGITS + " " + tag.length()));
    id.setEmail(CANARY.toLowerCase(Locale.ROOT) + tag + "@example.org");
    id.setAddress(CANARY + "Street " + tag + "\n" + CANARY + "Town");
    id.setDocumentType(DocumentType.REFUGEE_DOCUMENT);
    id.setDocumentNumber(CANARY + "Doc" + tag);
    id.setPlaceOfOrigin(CANARY + "Village" + tag);
    return id;
  }

  CaseFile register(DemoStaff user, SurvivorIdentity identity, String narrative) throws Exception {
    return act.as(
        user,
        () ->
            registration.register(
                new SurvivorCase(RiskLevel.HIGH, new Survivor(Sex.FEMALE, "NG")),
                identity,
                narrative,
                null));
  }

  /** SQL and bind-parameter logging, as someone debugging Haven might switch it on. */
  static final List<String> SQL_LOGGERS =
      List.of("org.hibernate.SQL", "org.hibernate.orm.jdbc.bind", "org.hibernate.orm.jdbc.extract");

  @Test
  void noCanaryRestsInTheDatabaseOrTheLog() throws Exception {
    List<java.util.logging.Level> before = new ArrayList<>();
    for (String name : SQL_LOGGERS) {
      before.add(java.util.logging.Logger.getLogger(name).getLevel());
      java.util.logging.Logger.getLogger(name).setLevel(java.util.logging.Level.FINEST);
    }
    try {
      storeAndReadCanaries();
    } finally {
      for (int i = 0; i < SQL_LOGGERS.size(); i++) {
        java.util.logging.Logger.getLogger(SQL_LOGGERS.get(i)).setLevel(before.get(i));
      }
    }
    assertTrue(
        Files.readString(serverLog(), StandardCharsets.UTF_8).contains("insert into survivor_case"),
        "SQL logging did not reach the log, so the log check below would prove nothing");
    assertNoCanaryAtRest();
  }

  static Path serverLog() {
    return Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
  }

  void storeAndReadCanaries() throws Exception {
    CaseFile a = register(DemoStaff.CASEWORKER_NORTH, canaries("A"), CANARY + "Narrative A");
    CaseFile b = register(DemoStaff.SUPERVISOR_NORTH, canaries("B"), CANARY + "Narrative B");
    // Reads, searches, the duplicate check and a refused intake all handle the values too.
    assertEquals(CANARY + "GivenA", a.getSurvivor().getGivenNames());
    assertEquals(
        CANARY + "Narrative B",
        act.as(DemoStaff.SUPERVISOR_NORTH, () -> caseQueries.open(b.getCaseNumber()))
            .orElseThrow()
            .getNarrative());
    assertEquals(
        1,
        act.as(
                DemoStaff.SUPERVISOR_NORTH,
                () ->
                    caseQueries.list(
                        PageRequest.first(10),
                        new CaseSearch(
                            CANARY + "GivenA " + CANARY + "FamilyA",
                            CANARY_BIRTH_DATE,
                            null,
                            CANARY + "DocA")))
            .totalItems());
    assertFalse(
        act.as(DemoStaff.SUPERVISOR_NORTH, () -> registration.possibleDuplicates(canaries("A")))
            .isEmpty());
    // A break-glass explanation is protected too, and the team's supervisors read it.
    act.as(
        DemoStaff.CASEWORKER_SOUTH,
        () ->
            emergency.breakGlass(
                a.getCaseNumber(),
                BreakGlassPurpose.MEDICAL_EMERGENCY,
                CANARY + "Explanation: admitted to hospital, history needed"));
    assertTrue(
        act
            .as(
                DemoStaff.SUPERVISOR_NORTH,
                () -> emergency.emergencyAccesses(PageRequest.first(100)).items())
            .stream()
            .anyMatch(access -> access.explanation().startsWith(CANARY + "Explanation")));
    // Everything else written about the survivor: notes, reasons, the assessment and plan,
    // consents, tasks.
    String n = a.getCaseNumber();
    act.as(
        DemoStaff.CASEWORKER_NORTH,
        () -> {
          caseNotes.addNote(n, CANARY + "Note", null);
          transitions.transition(n, CaseStatus.ASSESSMENT, null, null);
          consents.record(
              n,
              ConsentType.DATA_SHARING,
              CANARY + "Recipient",
              CANARY + "Purpose",
              null,
              null,
              java.util.Set.of(),
              ConsentMethod.WRITTEN,
              LocalDate.now());
          plans.writeAssessment(n, CANARY + "Assessment", null);
          long goal = plans.addGoal(n, CANARY + "Goal").orElseThrow().getId();
          plans.addAction(n, goal, CANARY + "Action", "caseworker.north", LocalDate.now());
          tasks.add(n, CANARY + "Task", LocalDate.now().plusDays(1), null);
          long service = services.plan(n, "MEDICAL", null, LocalDate.now()).orElseThrow().getId();
          services.record(
              n, service, ServiceStatus.DELIVERED, null, CANARY + "Outcome", null, null, null);
          return null;
        });
    act.as(
        DemoStaff.CASEWORKER_NORTH,
        () -> {
          transitions.transition(n, CaseStatus.CASE_PLAN, null, null);
          return transitions.transition(n, CaseStatus.SERVICE_PROVISION, null, null);
        });
    act.as(DemoStaff.SUPERVISOR_NORTH, () -> transitions.returnForRework(n, CANARY + "Reason"));
    // A referral's summary holds the consented details: the stored PDF is sealed too.
    long provider =
        act.as(
                DemoStaff.ADMIN,
                () ->
                    directory.saveProvider(
                        null,
                        new ProviderDetails(
                            "Canary shelter " + System.nanoTime(),
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
    act.as(
        DemoStaff.CASEWORKER_NORTH,
        () -> {
          consents.record(
              n,
              ConsentType.DATA_SHARING,
              null,
              null,
              provider,
              "SHELTER",
              EnumSet.allOf(SharedField.class),
              ConsentMethod.WRITTEN,
              LocalDate.now());
          long referral =
              referrals
                  .create(n, "SHELTER", provider, Urgency.URGENT, true, CANARY + "Referral", "fr")
                  .orElseThrow()
                  .getId();
          referrals.transition(n, referral, ReferralStatus.PENDING_APPROVAL, null, null);
          return null;
        });
    act.as(
        DemoStaff.SUPERVISOR_NORTH,
        () ->
            referrals.transition(
                n,
                referrals.referrals(n).orElseThrow().get(0).getId(),
                ReferralStatus.SENT,
                null,
                null));
    assertTrue(
        act.as(DemoStaff.SUPERVISOR_NORTH, () -> plans.plan(n))
            .orElseThrow()
            .getGoals()
            .get(0)
            .getActions()
            .get(0)
            .getText()
            .equals(CANARY + "Action"));
    SurvivorIdentity invalid = canaries("C");
    invalid.setEmail(CANARY + " is not an e-mail address");
    Exception refused =
        assertThrows(Exception.class, () -> register(DemoStaff.CASEWORKER_NORTH, invalid, null));
    for (Throwable t = refused; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(CANARY), "an error quotes: " + t);
    }
  }

  void assertNoCanaryAtRest() throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection db = dataSource.getConnection()) {
      boolean h2 = db.getMetaData().getDatabaseProductName().contains("H2");
      int tables = 0;
      try (ResultSet t = db.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (t.next()) {
          String schema = t.getString("TABLE_SCHEM");
          if (schema.equalsIgnoreCase("information_schema") || schema.startsWith("pg_")) {
            continue;
          }
          tables++;
          String table = schema + "." + t.getString("TABLE_NAME");
          try (Statement s = db.createStatement();
              ResultSet rows = s.executeQuery("select * from " + table)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
              for (int c = 1; c <= columns; c++) {
                Object value = rows.getObject(c);
                for (String text : renderings(value)) {
                  if (containsCanary(text)) {
                    found.add(table + "." + rows.getMetaData().getColumnName(c));
                  }
                }
              }
            }
          }
        }
      }
      assertTrue(tables >= 5, "too few tables dumped: " + tables);
      if (h2) {
        try (Statement s = db.createStatement();
            ResultSet script = s.executeQuery("SCRIPT")) {
          while (script.next()) {
            if (containsCanary(script.getString(1))) {
              found.add("H2 SCRIPT: a statement");
            }
          }
        }
      }
    }
    assertTrue(found.isEmpty(), "plaintext in the database: " + found);

    Path log = serverLog();
    String logged = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(logged.length() > 0);
    assertFalse(containsCanary(logged), "plaintext in " + log);
  }

  /** A value as text, and binary values as UTF-8, Latin-1 and hex, so nothing hides. */
  static List<String> renderings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof byte[] bytes) {
      return List.of(
          new String(bytes, StandardCharsets.UTF_8),
          new String(bytes, StandardCharsets.ISO_8859_1),
          "X'" + HexFormat.of().formatHex(bytes) + "'");
    }
    return List.of(String.valueOf(value));
  }

  static boolean containsCanary(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains(CANARY.toLowerCase(Locale.ROOT))
        || lower.contains(HexFormat.of().formatHex(CANARY.getBytes(StandardCharsets.UTF_8)))) {
      return true;
    }
    // The date and the phone's digits are looked for in text only: the hex of ciphertext holds
    // any seven digits now and then (it did, once, in a wrapped key).
    String textOnly = text.replaceAll("(?i)X'[0-9a-f]*'", "");
    return textOnly.contains(CANARY_BIRTH_DATE.toString())
        || textOnly.contains(CANARY_PHONE_DIGITS);
  }

  @Test
  void aCiphertextMovedToAnotherRowOrColumnDoesNotDecrypt() throws Exception {
    CaseFile a = register(DemoStaff.CASEWORKER_NORTH, canaries("D"), "narrative D");
    CaseFile b = register(DemoStaff.CASEWORKER_NORTH, canaries("E"), "narrative E");
    // The database's owner moves the ciphertexts: Haven's own role may not make the backup table.
    try (Connection db = ownerDataSource.getConnection();
        Statement s = db.createStatement()) {
      s.executeUpdate(
          "create table moved_backup as select id, survivor_given_names from survivor_case");
      try {
        // Another case's given names into b, then a's own family name into its given names.
        s.executeUpdate(
            "update survivor_case set survivor_given_names = (select survivor_given_names from"
                + " survivor_case where case_number = '"
                + a.getCaseNumber()
                + "') where case_number = '"
                + b.getCaseNumber()
                + "'");
        assertUnreadable(b.getCaseNumber());
        s.executeUpdate(
            "update survivor_case set survivor_given_names = survivor_family_name"
                + " where case_number = '"
                + a.getCaseNumber()
                + "'");
        assertUnreadable(a.getCaseNumber());
        // A list shows the damaged cases as unreadable instead of failing altogether.
        assertTrue(
            act
                .as(
                    DemoStaff.CASEWORKER_NORTH,
                    () -> caseQueries.list(PageRequest.first(100), null))
                .items()
                .stream()
                .anyMatch(f -> f.getCaseNumber().equals(a.getCaseNumber()) && f.isUnreadable()));
      } finally {
        s.executeUpdate(
            "update survivor_case set survivor_given_names = (select m.survivor_given_names from"
                + " moved_backup m where m.id = survivor_case.id)");
        s.executeUpdate("drop table moved_backup");
      }
      assertEquals(
          "narrative D",
          act.as(DemoStaff.CASEWORKER_NORTH, () -> caseQueries.open(a.getCaseNumber()))
              .orElseThrow()
              .getNarrative());
    }
  }

  void assertUnreadable(String caseNumber) {
    Exception e =
        assertThrows(
            Exception.class,
            () -> act.as(DemoStaff.CASEWORKER_NORTH, () -> caseQueries.open(caseNumber)));
    assertTrue(ActAs.causedBy(e, CryptoFailure.class), e.toString());
  }

  @Test
  void anErasureLeavesATombstoneAndNothingDecryptable() throws Exception {
    CaseFile c = register(DemoStaff.CASEWORKER_NORTH, canaries("F"), "narrative F");
    String number = c.getCaseNumber();
    act.as(
        DemoStaff.CASEWORKER_NORTH,
        () -> erasure.requestErasure(number, ErasureReason.SURVIVOR_REQUEST));
    CaseFile tombstone =
        act.as(DemoStaff.SUPERVISOR_NORTH, () -> erasure.erase(number, null)).orElseThrow();

    assertNull(tombstone.getSurvivor());
    assertNull(tombstone.getNarrative());
    assertTrue(tombstone.getRecord().isErased());
    assertEquals(Sex.FEMALE, tombstone.getRecord().getSurvivor().getSex());
    assertEquals(ErasureReason.SURVIVOR_REQUEST, tombstone.getRecord().getErasureReason());
    try (Connection db = dataSource.getConnection();
        Statement s = db.createStatement()) {
      assertEquals(
          0, count(s, "select count(*) from data_key where owner = 'case:" + number + "'"));
      assertEquals(
          0,
          count(
              s,
              "select count(*) from case_search_index i join survivor_case c on c.id = i.case_id"
                  + " where c.case_number = '"
                  + number
                  + "'"));
      assertEquals(
          0,
          count(
              s,
              "select count(*) from survivor_case where case_number = '"
                  + number
                  + "' and (survivor_given_names is not null or survivor_family_name is not null"
                  + " or survivor_aliases is not null or survivor_birth_date is not null"
                  + " or survivor_phones is not null or survivor_email is not null"
                  + " or survivor_address is not null or survivor_document_type is not null"
                  + " or survivor_document_number is not null"
                  + " or survivor_place_of_origin is not null or narrative is not null)"));
    }
    assertEquals(
        0,
        act.as(
                DemoStaff.SUPERVISOR_NORTH,
                () ->
                    caseQueries.list(
                        PageRequest.first(10), new CaseSearch(null, null, null, CANARY + "DocF")))
            .totalItems());
  }

  static long count(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
