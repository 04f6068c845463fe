package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * A caseworker's and a supervisor's day in a real browser (headless chromium): sign in through
 * Keycloak, an intake through the wizard, a note, the case moved to its plan, the plan approved,
 * closure requested, closure approved from the supervisor's dashboard. And the pages in Arabic,
 * right to left. A failure leaves a screenshot and the page in {@code target/browser-failures}.
 */
@ExtendWith(ArquillianExtension.class)
class CaseJourneyBrowserIT {

  @RegisterExtension final HeadlessChromium browser = new HeadlessChromium();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  @Test
  void fromIntakeToAnApprovedClosure() {
    browser.start();
    browser.signIn(DemoStaff.CASEWORKER_NORTH);
    String family = "Journey" + System.nanoTime();

    // The intake wizard: the survivor, the situation, the check.
    browser.open("/haven/cases/register.xhtml");
    browser.type(By.id("intake:givenNames"), "Selene");
    browser.type(By.id("intake:familyName"), family);
    browser.click(By.id("intake:toSituation"));
    browser.click(By.xpath("//*[@id='intake:riskLevel']//label[normalize-space(text())='Medium']"));
    browser.type(By.id("intake:narrative"), "Met at the bus station, worked without pay.");
    browser.click(By.id("intake:toCheck"));
    browser.waitForText(By.id("intake:checkStep"), "No case in Haven matches");
    browser.click(By.id("intake:register"));
    browser.waitForText(By.cssSelector(".haven-title"), "HVN-");
    Matcher number =
        Pattern.compile("HVN-\\d{4}-\\d+")
            .matcher(browser.find(By.cssSelector(".haven-title")).getText());
    assertTrue(number.find());
    String caseNumber = number.group();
    assertTrue(browser.find(By.id("survivorName")).getText().contains(family));

    // A note.
    browser.click(By.xpath("//a[normalize-space(.)='Notes']"));
    browser.type(By.id("caseFile:tabs:noteText"), "Called her sister; she is safe tonight.");
    browser.click(By.id("caseFile:tabs:addNote"));
    browser.waitForText(By.id("caseFile:tabs:notesTab"), "she is safe tonight");

    // Along the lifecycle to the plan, which goes to a supervisor.
    browser.click(By.cssSelector(".haven-move-ASSESSMENT"));
    browser.waitForText(By.id("caseStatus"), "Assessment");
    browser.click(By.cssSelector(".haven-move-CASE_PLAN"));
    browser.waitForText(By.id("caseStatus"), "Case plan");
    browser.click(By.cssSelector(".haven-move-SERVICE_PROVISION"));
    browser.waitForText(By.id("pendingApproval"), "Case plan waiting");
    browser.signOut();

    browser.signIn(DemoStaff.SUPERVISOR_NORTH);
    browser.open("/haven/cases/case.xhtml?n=" + caseNumber);
    browser.click(By.cssSelector(".haven-move-SERVICE_PROVISION"));
    browser.waitForText(By.id("caseStatus"), "Service provision");
    browser.signOut();

    // The caseworker asks to close the case.
    browser.signIn(DemoStaff.CASEWORKER_NORTH);
    browser.open("/haven/cases/case.xhtml?n=" + caseNumber);
    browser.click(By.cssSelector(".haven-move-CLOSURE_REQUESTED"));
    browser.waitForText(By.id("pendingApproval"), "Closure waiting");
    browser.signOut();

    // The supervisor finds it on the dashboard and approves the closure.
    browser.signIn(DemoStaff.SUPERVISOR_NORTH);
    browser.waitForText(By.id("approvals"), caseNumber);
    browser.click(By.linkText(caseNumber));
    browser.click(By.cssSelector(".haven-move-CLOSED"));
    browser.waitForText(By.id("caseStatus"), "Closed");
    browser.click(By.xpath("//a[normalize-space(.)='History']"));
    String history = browser.find(By.id("caseFile:tabs:history")).getText();
    assertTrue(
        history.contains("supervisor.north") && history.contains("caseworker.north"), history);
  }

  /**
   * A birth date typed as a caseworker types it (the calendar stays shut unless its button is
   * pressed), then corrected on the Identity tab: an implausible date is asked about once, and the
   * case is found by its new name.
   */
  @Test
  void aBirthDateIsTypedAndTheIdentityCorrectedInThePage() {
    browser.start();
    browser.signIn(DemoStaff.CASEWORKER_NORTH);
    String family = "Typed" + System.nanoTime();
    browser.open("/haven/cases/register.xhtml");
    browser.type(By.id("intake:givenNames"), "Ines");
    browser.type(By.id("intake:familyName"), family);
    browser.type(By.id("intake:birthDate_input"), "12/04/1999");
    assertEquals("12/04/1999", browser.find(By.id("intake:birthDate_input")).getAttribute("value"));
    assertTrue(
        browser
            .driver()
            .findElements(By.cssSelector(".ui-datepicker-panel:not(.ui-helper-hidden)"))
            .stream()
            .noneMatch(org.openqa.selenium.WebElement::isDisplayed),
        "typing does not open the calendar");
    browser.click(By.id("intake:toSituation"));
    browser.click(By.xpath("//*[@id='intake:riskLevel']//label[normalize-space(text())='Low']"));
    browser.click(By.id("intake:toCheck"));
    browser.waitForText(By.id("intake:checkStep"), "No case in Haven matches");
    browser.click(By.id("intake:register"));
    browser.waitForText(By.cssSelector(".haven-title"), "HVN-");
    assertTrue(browser.find(By.id("caseFile:tabs:identityTab")).getText().contains("1999-04-12"));

    // The correction: a new family name and a birth date of last year, which is asked about.
    String corrected = "Fixed" + System.nanoTime();
    int lastYear = java.time.LocalDate.now().getYear() - 1;
    browser.click(By.id("caseFile:tabs:correctIdentity"));
    browser.type(By.id("caseFile:tabs:familyName"), corrected);
    browser.type(By.id("caseFile:tabs:birthDate_input"), "01/02/" + lastYear);
    browser.click(By.id("caseFile:tabs:saveIdentity"));
    browser.waitForText(By.id("caseFile:tabs:birthDateCheck"), "one year old");
    browser.click(By.cssSelector("[id='caseFile:tabs:birthDateConfirmed'] .ui-chkbox-box"));
    browser.click(By.id("caseFile:tabs:saveIdentity"));
    browser.waitForText(By.id("survivorName"), corrected);
    assertTrue(browser.find(By.id("identityCorrected")).isDisplayed());
    assertTrue(
        browser.find(By.id("caseFile:tabs:identityTab")).getText().contains(lastYear + "-02-01"));
    String caseNumber =
        browser
            .find(By.cssSelector(".haven-title"))
            .getText()
            .replaceAll(".*(HVN-\\d{4}-\\d+).*", "$1");
    java.util.List<String> found =
        org.haven.it.Api.api(DemoStaff.CASEWORKER_NORTH)
            .body("{\"name\":\"Ines " + corrected + "\"}")
            .post("/cases/search")
            .path("items.caseNumber");
    assertTrue(found.contains(caseNumber), found + " has " + caseNumber);
  }

  @Test
  void theLanguageCanBeArabicReadRightToLeft() {
    browser.start();
    browser.signIn(DemoStaff.CASEWORKER_NORTH);
    browser.click(By.xpath("//form[@id='language']//a[@lang='ar']"));
    browser.waitForText(By.cssSelector(".haven-nav"), "الملفات");
    assertEquals("rtl", browser.find(By.tagName("html")).getAttribute("dir"));
    assertEquals("ar", browser.find(By.tagName("html")).getAttribute("lang"));
    browser.click(By.xpath("//form[@id='language']//a[@lang='fr']"));
    browser.waitForText(By.cssSelector(".haven-nav"), "Dossiers");
    assertEquals("ltr", browser.find(By.tagName("html")).getAttribute("dir"));
  }
}
