package org.haven.referrals;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.haven.it.Api.api;
import static org.haven.it.CaseFixture.CW;
import static org.haven.it.CaseFixture.SUP;
import static org.haven.it.CaseFixture.move;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.haven.it.Api;
import org.haven.it.CaseFixture;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The referral summary a provider receives: made when a supervisor approves, holding the survivor's
 * fields the consent names and no other, downloaded by staff in scope with each download audited;
 * gone once the consent is withdrawn.
 */
@ExtendWith(ArquillianExtension.class)
class ReferralSummaryIT {

  /** Every protected value of the test survivor, by the consent field that would print it. */
  static final Map<String, String> VALUES =
      Map.of(
          "NAME", "Odalys Brennerova",
          "ALIASES", "Dali Sparrowgate",
          "DATE_OF_BIRTH", "1996-02-29",
          "PHONE", "+421 900 555 661",
          "EMAIL", "odalys.b@example.org",
          "ADDRESS", "9 Quarry Lane",
          "IDENTITY_DOCUMENT", "SK55019933",
          "PLACE_OF_ORIGIN", "Zvolenska");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static String survivorCase() {
    return api(CW)
        .body(
            """
            {"riskLevel":"HIGH","narrative":"Recruited for farm work abroad.",
             "survivor":{"givenNames":"Odalys","familyName":"Brennerova",
               "aliases":["Dali Sparrowgate"],"birthDate":"1996-02-29","sex":"FEMALE",
               "nationality":"SK","languages":["sk"],"phones":["+421 900 555 661"],
               "email":"odalys.b@example.org","address":"9 Quarry Lane",
               "document":{"type":"PASSPORT","number":"SK55019933"},
               "placeOfOrigin":"Zvolenska"}}
            """)
        .post("/cases")
        .then()
        .statusCode(201)
        .extract()
        .path("caseNumber");
  }

  static int consent(String n, int provider, List<String> fields) {
    return api(CW)
        .body(
            "{\"type\":\"DATA_SHARING\",\"providerId\":"
                + provider
                + ",\"serviceType\":\"LEGAL_AID\",\"sharedFields\":"
                + fields.stream().map(f -> "\"" + f + "\"").toList()
                + ",\"howObtained\":\"WRITTEN\",\"givenOn\":\""
                + LocalDate.now()
                + "\"}")
        .post("/cases/" + n + "/consents")
        .then()
        .statusCode(201)
        .body("sharedFields", containsInAnyOrder(fields.toArray()))
        .extract()
        .path("id");
  }

  static int approved(String n, int provider, boolean sharesData) {
    int id = CaseFixture.referral(n, provider, sharesData, "URGENT");
    move(CW, n, id, "PENDING_APPROVAL").then().statusCode(200);
    move(SUP, n, id, "SENT").then().statusCode(200);
    return id;
  }

  static Response download(DemoStaff user, String n, int id) {
    return api(user)
        .accept("application/pdf")
        .get("/cases/" + n + "/referrals/" + id + "/summary.pdf");
  }

  static String text(Response pdf) throws IOException {
    pdf.then()
        .statusCode(200)
        .contentType("application/pdf")
        .header("Content-Disposition", containsString("referral-"));
    try (PDDocument doc = Loader.loadPDF(pdf.asByteArray())) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void theSummaryHoldsTheConsentedFieldsAndNoOther() throws IOException {
    String n = survivorCase();
    int provider = CaseFixture.provider();
    consent(n, provider, List.of("NAME", "PHONE"));
    int id = CaseFixture.referral(n, provider, true, "URGENT");
    move(CW, n, id, "PENDING_APPROVAL").then().statusCode(200);
    download(CW, n, id).then().statusCode(404);

    move(SUP, n, id, "SENT").then().statusCode(200);

    for (DemoStaff user : List.of(CW, SUP)) {
      String text = text(download(user, n, id));
      assertTrue(text.contains("Odalys Brennerova"), text);
      assertTrue(text.contains("+421 900 555 661"), text);
      assertTrue(text.contains("Needs advice on a residence permit."), "the referral's reason");
      VALUES.forEach(
          (field, value) -> {
            if (!List.of("NAME", "PHONE").contains(field)) {
              assertFalse(text.contains(value), field + " is beyond the consent:\n" + text);
            }
          });
      assertFalse(text.contains("Recruited for farm work"), "the narrative never goes");
    }
  }

  @Test
  void theSummaryIsWrittenInTheLanguageTheWorkerChose() throws IOException {
    String n = survivorCase();
    int provider = CaseFixture.provider();
    consent(n, provider, List.of("NAME", "PHONE"));
    for (String language : List.of("fr", "ar")) {
      int id =
          api(CW)
              .body(
                  "{\"serviceType\":\"LEGAL_AID\",\"providerId\":"
                      + provider
                      + ",\"sharesData\":true,\"reason\":\"Titre de séjour.\","
                      + "\"summaryLanguage\":\""
                      + language
                      + "\"}")
              .post("/cases/" + n + "/referrals")
              .then()
              .statusCode(201)
              .body("summaryLanguage", org.hamcrest.Matchers.equalTo(language))
              .extract()
              .path("id");
      move(CW, n, id, "PENDING_APPROVAL").then().statusCode(200);
      move(SUP, n, id, "SENT").then().statusCode(200);

      String text = text(download(CW, n, id));
      assertTrue(
          text.contains(language.equals("fr") ? "Résumé de référencement" : "ملخص الإحالة"), text);
      assertTrue(
          text.contains(language.equals("fr") ? "Aide juridique" : "المساعدة القانونية"), text);
      assertTrue(text.contains("Odalys Brennerova") && text.contains("Titre de séjour."), text);
      assertFalse(text.contains("Referral summary") || text.contains("SK55019933"), text);
    }
  }

  @Test
  void aSummaryLanguageHavenIsNotWrittenInIsRefusedNamingTheChoices() {
    String n = survivorCase();
    int provider = CaseFixture.provider();
    api(CW)
        .body(
            "{\"serviceType\":\"LEGAL_AID\",\"providerId\":"
                + provider
                + ",\"reason\":\"x\",\"summaryLanguage\":\"de\"}")
        .post("/cases/" + n + "/referrals")
        .then()
        .statusCode(400)
        .body(containsString("en, fr, ar"));
    api(CW)
        .get("/cases/" + n + "/referrals")
        .then()
        .statusCode(200)
        .body("size()", org.hamcrest.Matchers.equalTo(0));
  }

  @Test
  void aReferralThatSharesNoDataGetsASummaryWithNothingOfTheSurvivor() throws IOException {
    String n = survivorCase();
    int provider = CaseFixture.provider();
    consent(n, provider, List.copyOf(VALUES.keySet()));

    String text = text(download(CW, n, approved(n, provider, false)));

    VALUES.values().forEach(v -> assertFalse(text.contains(v), v + " printed:\n" + text));
    assertTrue(text.contains("shares no personal data"), text);
  }

  @Test
  void everyDownloadIsAuditedWithTheFieldsAndNoValues() throws IOException {
    String n = survivorCase();
    int provider = CaseFixture.provider();
    consent(n, provider, List.of("NAME"));
    int id = approved(n, provider, true);

    Response downloaded = download(CW, n, id);
    text(downloaded);

    String requestId = downloaded.header("X-Request-Id");
    List<Map<String, Object>> events =
        api(DemoStaff.ADMIN)
            .get("/audit/events?action=REFERRAL_SUMMARY_DOWNLOADED&size=100")
            .then()
            .statusCode(200)
            .extract()
            .path("items");
    Map<String, Object> event =
        events.stream().filter(e -> requestId.equals(e.get("requestId"))).findFirst().orElseThrow();
    assertEquals(n, event.get("objectId"));
    assertEquals("caseworker.north", event.get("actorUsername"));
    assertEquals("referral " + id + "; fields: NAME", event.get("details"));
  }

  @Test
  void withdrawingTheConsentStopsTheSummaryAndOtherTeamsNeverSeeIt() throws IOException {
    String n = survivorCase();
    int provider = CaseFixture.provider();
    int consent = consent(n, provider, List.of("NAME"));
    int id = approved(n, provider, true);
    text(download(CW, n, id));

    download(DemoStaff.CASEWORKER_SOUTH, n, id).then().statusCode(404);
    download(DemoStaff.SUPERVISOR_SOUTH, n, id).then().statusCode(404);
    download(DemoStaff.ADMIN, n, id).then().statusCode(403);

    api(CW)
        .body("{}")
        .post("/cases/" + n + "/consents/" + consent + "/withdrawal")
        .then()
        .statusCode(200);
    Response refused = download(CW, n, id);
    refused.then().statusCode(409).body("detail", containsString("withdrew the consent"));
    // The refusal is in the trail, though it rolled back everything else the request did.
    List<Map<String, Object>> events = Api.auditEventsOf(refused);
    assertEquals(1, events.size(), events.toString());
    assertEquals("REFERRAL_SUMMARY_DOWNLOADED", events.get(0).get("action"));
    assertEquals("DENIED", events.get(0).get("outcome"));
    assertEquals("CONFLICT", events.get(0).get("reason"));
    assertEquals(n, events.get(0).get("objectId"));
  }

  @Test
  void probingAnotherCasesReferralOrConsentIsAudited() throws IOException {
    String mine = survivorCase();
    String other = survivorCase();
    int provider = CaseFixture.provider();
    int consent = consent(other, provider, List.of("NAME"));
    int id = approved(other, provider, true);

    Response summary = download(CW, mine, id);
    summary.then().statusCode(404);
    List<Map<String, Object>> probed = Api.auditEventsOf(summary);
    assertEquals(1, probed.size(), probed.toString());
    assertEquals("NOT_FOUND", probed.get(0).get("outcome"));
    assertEquals(mine, probed.get(0).get("objectId"));
    assertEquals("no such referral " + id, probed.get(0).get("details"));

    Response withdrawal =
        api(CW).body("{}").post("/cases/" + mine + "/consents/" + consent + "/withdrawal");
    withdrawal.then().statusCode(404);
    List<Map<String, Object>> tried = Api.auditEventsOf(withdrawal);
    assertEquals(1, tried.size(), tried.toString());
    assertEquals("CONSENT_WITHDRAWN", tried.get(0).get("action"));
    assertEquals("NOT_FOUND", tried.get(0).get("outcome"));
    assertEquals("no such consent " + consent, tried.get(0).get("details"));
  }

  @Test
  void erasingTheSurvivorErasesTheSummary() throws IOException {
    String n = survivorCase();
    int provider = CaseFixture.provider();
    consent(n, provider, List.of("NAME", "ADDRESS"));
    int id = approved(n, provider, true);
    text(download(SUP, n, id));

    api(SUP)
        .body("{\"reason\":\"RECORDED_IN_ERROR\"}")
        .post("/cases/" + n + "/erasure")
        .then()
        .statusCode(200);

    download(SUP, n, id).then().statusCode(404);
  }

  @Test
  void consentFieldsAreCheckedCodes() {
    String n = survivorCase();
    api(CW)
        .body(
            "{\"type\":\"DATA_SHARING\",\"recipient\":\"A clinic\",\"purpose\":\"Care\","
                + "\"sharedFields\":[\"NAME\",\"SHOE_SIZE\"],\"howObtained\":\"VERBAL\",\"givenOn\":\""
                + LocalDate.now()
                + "\"}")
        .post("/cases/" + n + "/consents")
        .then()
        .statusCode(400)
        .body(containsString("sharedFields"));
    api(CW)
        .body(
            "{\"type\":\"STATISTICS\",\"sharedFields\":[\"NAME\"],\"howObtained\":\"VERBAL\","
                + "\"givenOn\":\""
                + LocalDate.now()
                + "\"}")
        .post("/cases/" + n + "/consents")
        .then()
        .statusCode(400)
        .body(containsString("sharedFields"));
  }
}
