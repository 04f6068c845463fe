package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.haven.it.Api;
import org.haven.it.CaseFixture;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.it.HeadlessChromium;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A referral in the browser: the caseworker records the survivor's consent to share their name with
 * a provider, writes and submits a referral; the supervisor sees it in the bell, opens it from
 * there, approves it, and downloads the summary — which holds the name the consent covers and not
 * the phone it does not.
 */
@ExtendWith(ArquillianExtension.class)
class ReferralJourneyBrowserIT {

  @RegisterExtension final HeadlessChromium browser = new HeadlessChromium();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  @Test
  void consentReferralBellApprovalAndSummary() throws Exception {
    browser.start();
    String family = "Bellweather" + System.nanoTime();
    String n =
        Api.api(CaseFixture.CW)
            .body(
                "{\"riskLevel\":\"HIGH\",\"survivor\":{\"givenNames\":\"Ines\",\"familyName\":\""
                    + family
                    + "\",\"phones\":[\"+351 900 555 731\"]}}")
            .post("/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("caseNumber");
    int providerId = CaseFixture.provider();
    String provider =
        Api.api(DemoStaff.ADMIN).get("/providers/" + providerId).then().extract().path("name");

    browser.signIn(DemoStaff.CASEWORKER_NORTH);
    browser.open("/haven/cases/case.xhtml?n=" + n);
    browser.click(By.xpath("//a[normalize-space(.)='Consent']"));
    browser.choose("caseFile:tabs:consentType", "Sharing data with a recipient");
    browser.choose("caseFile:tabs:consentService", "Legal aid");
    browser.choose("caseFile:tabs:consentProvider", provider);
    browser.click(
        By.xpath("//div[@id='caseFile:tabs:consentFields']//label[normalize-space(.)='Name']"));
    browser.choose("caseFile:tabs:consentHow", "Written");
    browser.click(By.id("caseFile:tabs:recordConsent"));
    browser.waitForText(By.id("caseFile:tabs:consents"), provider);
    assertTrue(browser.find(By.id("caseFile:tabs:consents")).getText().contains("Name"));

    browser.click(By.xpath("//a[normalize-space(.)='Referrals']"));
    browser.choose("caseFile:tabs:referralService", "Legal aid");
    browser.choose("caseFile:tabs:referralProvider", provider);
    browser.click(By.cssSelector("#caseFile\\:tabs\\:referralSharesData .ui-toggleswitch-slider"));
    browser.type(By.id("caseFile:tabs:referralReason"), "Unpaid wages; needs a lawyer.");
    browser.click(By.id("caseFile:tabs:createReferral"));
    browser.click(By.cssSelector(".haven-referral-PENDING_APPROVAL"));
    browser.waitForText(By.id("caseFile:tabs:referralsTab"), "Waiting for approval");
    browser.signOut();

    browser.signIn(DemoStaff.SUPERVISOR_NORTH);
    String count = browser.find(By.id("bell:bellButton")).getText().strip();
    assertTrue(Integer.parseInt(count) >= 1, "the bell shows the unread count: " + count);
    browser.click(By.id("bell:bellButton"));
    By notice =
        By.xpath(
            "//div[@id='bell:bellPanel']//a[contains(., 'of case "
                + n
                + "') and contains(., 'awaits your approval')]");
    browser.click(notice);
    browser.waitForText(By.cssSelector(".haven-title"), n);
    browser.click(By.cssSelector(".haven-referral-SENT"));
    browser.waitForText(By.id("caseFile:tabs:referralsTab"), "Sent");

    // An earlier run's file of the same name would make the browser save this one as "… (1)".
    try (var old = Files.list(HeadlessChromium.downloads())) {
      for (Path f : old.toList()) {
        Files.delete(f);
      }
    }
    browser.click(By.cssSelector(".haven-referral-summary"));
    Path pdf = awaitDownload();
    try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("Ines " + family), text);
      assertTrue(!text.contains("555 731"), "the phone is not consented:\n" + text);
    }
  }

  private static Path awaitDownload() throws IOException, InterruptedException {
    Path[] done = new Path[1];
    Awaitility.await("the summary downloaded")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              try (var files = Files.list(HeadlessChromium.downloads())) {
                done[0] =
                    files
                        .filter(
                            f -> f.getFileName().toString().matches("referral-\\d+-summary\\.pdf"))
                        .findFirst()
                        .orElse(null);
              }
              return done[0] != null;
            });
    return done[0];
  }
}
