package org.haven.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Faces pages over plain HTTP: what a browser gets, form posts included. */
@ExtendWith(ArquillianExtension.class)
class PagesIT {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  private final CookieFilter session = new CookieFilter();

  private RequestSpecification browser() {
    return given()
        .baseUri(HavenDeployment.httpRoot().toString())
        .filter(session)
        .redirects()
        .follow(false);
  }

  @Test
  void theHomePageLeadsToTheCaseList() {
    browser()
        .get("/haven/")
        .then()
        .statusCode(302)
        .header("Location", containsString("/haven/cases/list.xhtml"));
    browser()
        .get("/haven/cases/list.xhtml")
        .then()
        .statusCode(200)
        .body(containsString("<title>Cases · Haven</title>"))
        .body(containsString("Register a case")) // navigation from the shared template
        .body(containsString("ui-datatable"));
  }

  @Test
  void registersACaseThroughTheFormAndListsIt() {
    String viewState = viewState(browser().get("/haven/cases/register.xhtml"));
    Response posted =
        browser()
            .formParam("intake", "intake")
            .formParam("intake:riskLevel", "HIGH")
            .formParam("intake:sex_input", "FEMALE")
            .formParam("intake:nationality_input", "NG")
            .formParam("intake:register", "intake:register")
            .formParam("jakarta.faces.ViewState", viewState)
            .post("/haven/cases/register.xhtml");
    posted.then().statusCode(302).header("Location", containsString("/haven/cases/list.xhtml"));

    String list =
        browser().get("/haven/cases/list.xhtml").then().statusCode(200).extract().asString();
    Matcher registered = Pattern.compile("Case (HVN-\\d{4}-\\d{6,}) registered").matcher(list);
    assertTrue(registered.find(), "no confirmation message on the list page");
    assertTrue(list.contains(">" + registered.group(1) + "<"), "the new case is not listed");
  }

  @Test
  void aMissingRiskLevelIsShownBesideTheField() {
    String viewState = viewState(browser().get("/haven/cases/register.xhtml"));
    browser()
        .formParam("intake", "intake")
        .formParam("intake:register", "intake:register")
        .formParam("jakarta.faces.ViewState", viewState)
        .post("/haven/cases/register.xhtml")
        .then()
        .statusCode(200)
        .body(containsString("choose a risk level"))
        .body(containsString("id=\"intake:j_idt")) // the form is shown again, not a new page
        .body(not(containsString("registered.")));
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
}
