package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
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
 * The page Reports in the browser: a supervisor counts their team's cases by sex, downloads the
 * table as Excel and shows the donors' indicators; an administrator checks what the CTDC export
 * releases, prepares it while the page shows its progress, and downloads it.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsBrowserIT {

  @RegisterExtension final HeadlessChromium browser = new HeadlessChromium();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  @Test
  void aSupervisorCountsDownloadsAndReadsTheIndicators() throws Exception {
    browser.start();
    clearDownloads();
    browser.signIn(DemoStaff.SUPERVISOR_NORTH);
    browser.open("/haven/reports/index.xhtml");
    browser.choose("report:first", "Sex");
    browser.click(By.id("report:count"));
    browser.waitForText(By.id("report:table"), "Sex");
    assertTrue(browser.find(By.id("report:table")).getText().contains("Total (persons)"));
    browser.click(By.id("report:xlsx"));
    byte[] xlsx = Files.readAllBytes(awaitDownload("haven-report.xlsx"));
    assertTrue(xlsx.length > 100 && xlsx[0] == 'P' && xlsx[1] == 'K', "an XLSX (zip) file");
    browser.click(By.id("report:showIndicators"));
    browser.waitForText(By.id("report"), "Referrals by service and outcome");
    assertTrue(browser.find(By.id("firstService")).isDisplayed());
  }

  @Test
  void anAdministratorChecksAndDownloadsTheCtdcExport() throws Exception {
    browser.start();
    clearDownloads();
    browser.signIn(DemoStaff.ADMIN);
    browser.open("/haven/reports/index.xhtml");
    browser.click(By.id("report:checkDisclosure"));
    browser.waitForText(By.id("disclosure"), "Smallest released group");
    browser.click(By.id("report:prepareExport"));
    browser.waitForText(By.id("report:exportProgress"), "100%");
    browser.click(By.id("report:ctdcExport"));
    String csv = Files.readString(awaitDownload("haven-ctdc.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("yearOfRegistration,Datasource,gender,ageBroad"), csv);
  }

  private static void clearDownloads() throws IOException {
    try (var old = Files.list(HeadlessChromium.downloads())) {
      for (Path f : old.toList()) {
        Files.delete(f);
      }
    }
  }

  private static Path awaitDownload(String name) {
    Path file = HeadlessChromium.downloads().resolve(name);
    Awaitility.await(name + " downloaded")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> Files.exists(file) && Files.size(file) > 0);
    return file;
  }
}
