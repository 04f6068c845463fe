package org.haven.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haven.it.Api;
import org.haven.it.Browser;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.it.Keycloak;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Faces pages over plain HTTP: what a browser gets, form posts included. */
@ExtendWith(ArquillianExtension.class)
class PagesIT {

  private static final Pattern CSP_NONCE =
      Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  private final Browser session = Keycloak.signIn("caseworker.north");

  /** A browser in which caseworker.north has signed in through Keycloak. */
  private RequestSpecification browser() {
    return given()
        .baseUri(HavenDeployment.httpRoot().toString())
        .filter(session)
        .redirects()
        .follow(false);
  }

  /** Pages, scripts and styles travel compressed; the icon is named, so no request 404s. */
  @Test
  void pagesTravelCompressedAndNameTheirIcon() {
    String home = browser().get("/haven/").then().statusCode(200).extract().asString();
    java.util.regex.Matcher icon =
        Pattern.compile("<link rel=\"icon\"[^>]*href=\"([^\"]+)\"").matcher(home);
    assertTrue(icon.find(), "the page names its icon");
    browser()
        .get(icon.group(1))
        .then()
        .statusCode(200)
        .contentType(containsString("image/svg+xml"));
    for (String path :
        List.of(
            "/haven/",
            "/haven/jakarta.faces.resource/components.js.xhtml?ln=primefaces",
            "/haven/resources/haven/haven.css")) {
      browser()
          .config(
              io.restassured.RestAssured.config()
                  .decoderConfig(
                      io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()))
          .header("Accept-Encoding", "gzip")
          .get(path)
          .then()
          .statusCode(200)
          .header("Content-Encoding", "gzip");
    }
  }

  /** Languages by their names, not their codes; phone numbers kept left to right in any script. */
  @Test
  void theCaseShowsLanguagesByNameAndPhonesLeftToRight() {
    String n =
        Api.api(DemoStaff.CASEWORKER_NORTH)
            .body(
                "{\"riskLevel\":\"LOW\",\"survivor\":{\"givenNames\":\"Lingua\","
                    + "\"languages\":[\"ti\",\"en\"],\"phones\":[\"+44 7700 900123\"]}}")
            .post("/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("caseNumber");
    String page =
        browser().get("/haven/cases/case.xhtml?n=" + n).then().statusCode(200).extract().asString();
    assertTrue(page.contains("Tigrinya, English"), "languages by name");
    assertTrue(page.contains("<bdi dir=\"ltr\">+44 7700 900123</bdi>"), "a phone stays LTR");
  }

  @Test
  void theHomePageIsTheCaseworkersDashboardAndLeadsToTheCaseList() {
    browser()
        .get("/haven/")
        .then()
        .statusCode(200)
        .body(containsString("<title>Dashboard · Haven</title>"))
        .body(containsString("Open cases by risk"))
        .body(containsString("Overdue follow-ups"))
        .body(containsString("\"type\":\"doughnut\"")) // the chart's configuration
        .body(not(containsString("Waiting for your approval"))); // that is for supervisors
    browser()
        .get("/haven/cases/list.xhtml")
        .then()
        .statusCode(200)
        .body(containsString("<title>Cases · Haven</title>"))
        .body(containsString("Register a case")) // navigation from the shared template
        .body(containsString("ui-datatable"));
  }

  @Test
  void registersACaseThroughTheFormOpensItAndListsIt() {
    String family = "Formtest" + System.nanoTime();
    String viewState = viewState(browser().get("/haven/cases/register.xhtml"));
    Response posted =
        browser()
            .formParam("intake", "intake")
            .formParam("intake:riskLevel", "HIGH")
            .formParam("intake:givenNames", "Amina")
            .formParam("intake:familyName", family)
            .formParam("intake:birthDate_input", "01/04/1990")
            .formParam("intake:sex_input", "FEMALE")
            .formParam("intake:nationality_input", "NG")
            .formParam("intake:documentNumber", "F" + family)
            .formParam("intake:narrative", "Told at the shelter.")
            .formParam("intake:register", "intake:register")
            .formParam("jakarta.faces.ViewState", viewState)
            .post("/haven/cases/register.xhtml");
    posted
        .then()
        .statusCode(302)
        .header("Location", containsString("/haven/cases/case.xhtml?n=HVN-"));

    String page =
        browser().get(posted.header("Location")).then().statusCode(200).extract().asString();
    Matcher registered = Pattern.compile("Case (HVN-\\d{4}-\\d{6,}) registered").matcher(page);
    assertTrue(registered.find(), "no confirmation message on the case page");
    assertTrue(page.contains("Amina " + family), "the survivor's name is not shown");
    assertTrue(page.contains("1990-04-01"));
    assertTrue(page.contains("Told at the shelter."));
    // The case file: tabs, and the caseworker's next step.
    assertTrue(page.contains(">Notes<") && page.contains(">History<"), "no tabs on the case page");
    assertTrue(page.contains("Move to Assessment"), "no lifecycle action on the case page");
    for (String tab :
        new String[] {
          "Identity",
          "Exploitation",
          "Consent",
          "Assessment &amp; plan",
          "Tasks",
          "Services",
          "Referrals",
          "History"
        }) {
      assertTrue(page.contains(">" + tab + "<"), "no tab " + tab);
    }
    String list =
        browser().get("/haven/cases/list.xhtml").then().statusCode(200).extract().asString();
    assertTrue(list.contains(">" + registered.group(1) + "<"), "the new case is not listed");
    assertTrue(list.contains("Amina " + family), "the list does not name the survivor");
  }

  @Test
  void theReviewQueueIsTheSupervisorsPage() {
    browser().get("/haven/referrals/queue.xhtml").then().statusCode(403);
    Browser supervisor = Keycloak.signIn("supervisor.north");
    Keycloak.page(supervisor)
        .baseUri(HavenDeployment.httpRoot().toString())
        .get("/haven/referrals/queue.xhtml")
        .then()
        .statusCode(200)
        .body(containsString("Referrals waiting for approval"))
        .body(containsString("Referrals to approve")); // the header's link
  }

  @Test
  void noPageWithSurvivorDataMayBeKeptByTheBrowserOnlyStylesMay() {
    browser()
        .get("/haven/cases/list.xhtml")
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store");
    browser()
        .get("/haven/jakarta.faces.resource/haven.css.xhtml?ln=haven")
        .then()
        .statusCode(200)
        .header("Cache-Control", not(containsString("no-store")));
  }

  @Test
  void aLikelyDuplicateIsShownBeforeRegisteringAgain() {
    String family = "Duptest" + System.nanoTime();
    for (int attempt = 0; attempt < 2; attempt++) {
      Response form = browser().get("/haven/cases/register.xhtml");
      Response posted =
          browser()
              .formParam("intake", "intake")
              .formParam("intake:riskLevel", "LOW")
              .formParam("intake:givenNames", "Ruth")
              .formParam("intake:familyName", family)
              .formParam("intake:birthDate_input", "31/01/1980")
              .formParam("intake:register", "intake:register")
              .formParam("jakarta.faces.ViewState", viewState(form))
              .formParam("primefaces.nonce", nonce(form))
              .post("/haven/cases/register.xhtml");
      if (attempt == 0) {
        posted.then().statusCode(302);
      } else {
        posted
            .then()
            .statusCode(200)
            .body(containsString("This may be someone Haven already knows."))
            .body(containsString("may be the same person (same name and date of birth)"))
            .body(containsString("Register anyway"));
      }
    }
  }

  @Test
  void aMissingRiskLevelIsShownBesideTheField() {
    Response form = browser().get("/haven/cases/register.xhtml");
    browser()
        .formParam("intake", "intake")
        .formParam("intake:register", "intake:register")
        .formParam("jakarta.faces.ViewState", viewState(form))
        .formParam("primefaces.nonce", nonce(form))
        .post("/haven/cases/register.xhtml")
        .then()
        .statusCode(200)
        .body(containsString("choose a risk level"))
        .body(containsString("id=\"intake:j_idt")) // the form is shown again, not a new page
        .body(not(containsString("registered.")));
  }

  @Test
  void withoutSigningInEveryPageLeadsToKeycloak() {
    for (String page :
        new String[] {"/haven/", "/haven/cases/list.xhtml", "/haven/cases/register.xhtml"}) {
      Keycloak.page(new Browser())
          .baseUri(HavenDeployment.httpRoot().toString())
          .get(page)
          .then()
          .statusCode(302)
          .header("Location", startsWith(Keycloak.realmUrl() + "/protocol/openid-connect/auth"));
    }
  }

  @Test
  void theHeaderShowsWhoIsSignedIn() {
    browser()
        .get("/haven/cases/list.xhtml")
        .then()
        .statusCode(200)
        .body(containsString("Nadia Haddad"))
        .body(containsString("caseworker · team North"))
        .body(containsString("Sign out"));
  }

  @Test
  void signingOutEndsHavenAndKeycloakSessions() {
    String page =
        browser().get("/haven/cases/list.xhtml").then().statusCode(200).extract().asString();
    Matcher state = VIEW_STATE.matcher(page);
    assertTrue(state.find());
    String toKeycloak =
        browser()
            .formParam("session", "session")
            .formParam("session:logout", "session:logout")
            .formParam("jakarta.faces.ViewState", state.group(1))
            .post("/haven/cases/list.xhtml")
            .then()
            .statusCode(302)
            .header("Location", startsWith(Keycloak.realmUrl() + "/protocol/openid-connect/logout"))
            .extract()
            .header("Location");
    // Keycloak ends its session and sends the browser back to Haven, which asks to sign in again.
    Keycloak.page(session).get(toKeycloak).then().statusCode(302);
    browser()
        .get("/haven/cases/list.xhtml")
        .then()
        .statusCode(302)
        .header("Location", startsWith(Keycloak.realmUrl() + "/protocol/openid-connect/auth"));
  }

  @Test
  void anAdministratorManagesUsersButSeesNoCases() {
    Browser admin = Keycloak.signIn("admin");
    RequestSpecification page = Keycloak.page(admin).baseUri(HavenDeployment.httpRoot().toString());
    page.get("/haven/cases/list.xhtml")
        .then()
        .statusCode(403)
        .body(containsString("Your role does not allow this"))
        .body(not(containsString("HVN-")));
    page.get("/haven/")
        .then()
        .statusCode(200)
        .body(containsString("Cases by team"))
        .body(containsString("Administrators see counts only"))
        .body(not(containsString("HVN-")));
    Keycloak.page(admin)
        .baseUri(HavenDeployment.httpRoot().toString())
        .get("/haven/admin/providers.xhtml")
        .then()
        .statusCode(200)
        .body(containsString("Service providers"))
        .body(containsString("Import from a CSV file"))
        .body(containsString("enctype=\"multipart/form-data\""));
    Keycloak.page(admin)
        .baseUri(HavenDeployment.httpRoot().toString())
        .get("/haven/referrals/queue.xhtml")
        .then()
        .statusCode(403);
    Keycloak.page(admin)
        .baseUri(HavenDeployment.httpRoot().toString())
        .get("/haven/admin/users.xhtml")
        .then()
        .statusCode(200)
        .body(containsString("Users and access"))
        .body(containsString("caseworker.north"))
        .body(containsString("Nadia Haddad"))
        .body(not(containsString("Register a case")));
  }

  @Test
  void caseworkersDoNotSeeTheAdministrationPagesAndTheRefusalIsAudited() {
    Response refused = browser().get("/haven/admin/users.xhtml");
    refused.then().statusCode(403);
    String requestId = refused.header("X-Request-Id");
    List<Map<String, Object>> denials =
        Api.api(DemoStaff.ADMIN).get("/audit/events?action=ACCESS_DENIED&size=100").path("items");
    assertTrue(
        denials.stream()
            .anyMatch(
                e ->
                    requestId != null
                        && requestId.equals(e.get("requestId"))
                        && "caseworker.north".equals(e.get("actorUsername"))
                        && "GET /haven/admin/users.xhtml".equals(e.get("objectId"))),
        "no ACCESS_DENIED event for request " + requestId + ": " + denials);
  }

  @Test
  void anUnknownPageShowsTheNotFoundPage() {
    browser()
        .get("/haven/no-such-page.xhtml")
        .then()
        .statusCode(404)
        .body(containsString("There is nothing at this address"));
  }

  @Test
  void anExpiredViewShowsTheExpiredPageNotAStackTrace() {
    browser().get("/haven/cases/register.xhtml").then().statusCode(200);
    String expired =
        browser()
            .formParam("intake", "intake")
            .formParam("intake:riskLevel", "LOW")
            .formParam("intake:register", "intake:register")
            .formParam("jakarta.faces.ViewState", "-1234567890:987654321")
            .post("/haven/cases/register.xhtml")
            .then()
            .statusCode(302)
            .header("Location", containsString("/haven/error/expired.xhtml"))
            .extract()
            .header("Location");
    browser()
        .get(expired)
        .then()
        .statusCode(200)
        .body(containsString("Page expired"))
        .body(not(containsString("at org.")))
        .body(not(containsString("at java.")));
  }

  @Test
  void theStylesheetIsServed() {
    browser()
        .get("/haven/jakarta.faces.resource/haven.css.xhtml?ln=haven")
        .then()
        .statusCode(200)
        .contentType(endsWith("css"));
  }

  private static String viewState(Response page) {
    Matcher m = VIEW_STATE.matcher(page.then().statusCode(200).extract().asString());
    assertTrue(m.find(), "no view state on the page");
    return m.group(1);
  }

  /**
   * The page's CSP nonce, which PrimeFaces' script sends back with every postback ({@code
   * primefaces.nonce}) and the server compares with the view's: a form posted without it from
   * another page is refused.
   */
  private static String nonce(Response page) {
    Matcher m = CSP_NONCE.matcher(page.then().statusCode(200).extract().asString());
    assertTrue(m.find(), "no CSP nonce on the page");
    return m.group(1);
  }
}
