package org.haven.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.List;
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

/**
 * What every answer tells the browser (docs/security/browser.md): no framing, no content sniffing,
 * no Referer, a Content-Security-Policy without inline script, HSTS over HTTPS only, and a session
 * cookie that script cannot read and other sites cannot send.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserProtectionsIT {

  private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static void assertCommonHeaders(Response answer) {
    answer
        .then()
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "no-referrer")
        // Plain HTTP from a client that is no proxy: HSTS would be meaningless and is not sent.
        .header("Strict-Transport-Security", nullValue());
  }

  @Test
  void aPageHasAPolicyWithoutInlineScriptAndEveryScriptCarriesItsNonce() {
    Browser session = Keycloak.signIn(DemoStaff.CASEWORKER_NORTH.username);
    Response page =
        given()
            .baseUri(HavenDeployment.httpRoot().toString())
            .filter(session)
            .redirects()
            .follow(false)
            .get("/haven/cases/list.xhtml");
    page.then().statusCode(200);
    assertCommonHeaders(page);
    String policy = page.header("Content-Security-Policy");
    assertNotNull(policy, "a page without a Content-Security-Policy");
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertTrue(policy.contains("object-src 'none'"), policy);
    Matcher scriptSrc = Pattern.compile("script-src ([^;]*)").matcher(policy);
    assertTrue(scriptSrc.find(), policy);
    assertFalse(scriptSrc.group(1).contains("unsafe-inline"), policy);
    assertFalse(scriptSrc.group(1).contains("unsafe-eval"), policy);
    Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(scriptSrc.group(1));
    assertTrue(nonce.find(), "no nonce in " + policy);
    String html = page.asString();
    Matcher tags = SCRIPT_TAG.matcher(html);
    int inline = 0;
    while (tags.find()) {
      String tag = tags.group();
      boolean allowed = tag.contains(" src=") || tag.contains("nonce=\"" + nonce.group(1) + "\"");
      assertTrue(allowed, "a script the policy blocks: " + tag);
      inline++;
    }
    assertTrue(inline > 0, "the page has no script at all: the check above tested nothing");
    assertFalse(
        Pattern.compile("\\son(click|change|submit|load|keyup|complete)=\"").matcher(html).find(),
        "an inline event handler, which the policy blocks");
  }

  @Test
  void anApiAnswerMayDoNothingInABrowser() {
    Response answer = Api.api(DemoStaff.CASEWORKER_NORTH).get("/cases");
    answer.then().statusCode(200);
    assertCommonHeaders(answer);
    answer
        .then()
        .header(
            "Content-Security-Policy",
            equalTo("default-src 'none'; frame-ancestors 'none'; sandbox"));
    // Refusals too: the 401 is written before any resource runs.
    assertCommonHeaders(Api.anonymous().get("/cases").then().statusCode(401).extract().response());
  }

  @Test
  void behindATrustedProxyOverHttpsHstsIsSent() {
    // The test server trusts 127.0.0.1 as its TLS proxy (HAVEN_TRUSTED_PROXIES).
    Api.api(DemoStaff.CASEWORKER_NORTH)
        .header("X-Forwarded-Proto", "https")
        .get("/cases")
        .then()
        .statusCode(200)
        .header("Strict-Transport-Security", containsString("max-age=31536000"));
  }

  @Test
  void theSessionCookieIsHttpOnlySecureAndSameSite() {
    // The session starts when Haven takes Keycloak's code, the last step of signing in.
    Browser browser = Keycloak.signIn(DemoStaff.CASEWORKER_NORTH.username);
    String cookie =
        browser.setCookieHeaders().stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no session cookie: " + browser.setCookieHeaders()));
    String lower = cookie.toLowerCase();
    assertTrue(lower.contains("; httponly"), cookie);
    assertTrue(lower.contains("; secure"), cookie);
    assertTrue(lower.contains("; samesite=lax"), cookie);
  }

  @Test
  void anErrorPageKeepsThePolicy() {
    Response missing =
        given()
            .baseUri(HavenDeployment.httpRoot().toString())
            .filter(Keycloak.signIn(DemoStaff.CASEWORKER_NORTH.username))
            .redirects()
            .follow(false)
            .get("/haven/no-such-page.xhtml");
    missing.then().statusCode(404);
    assertCommonHeaders(missing);
    // The error page is a page: PrimeFaces' policy, once (two policies would both apply).
    List<String> policies = missing.headers().getValues("Content-Security-Policy");
    assertEquals(1, policies.size(), policies.toString());
    assertTrue(policies.get(0).contains("frame-ancestors 'none'"), policies.toString());
    assertTrue(policies.get(0).contains("'nonce-"), policies.toString());
  }
}
