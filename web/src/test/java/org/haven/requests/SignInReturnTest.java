package org.haven.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The note a sign-in leaves: only a page's own link, only back to where it came from. */
class SignInReturnTest {

  private final SignInReturn.Cookie production =
      new SignInReturn.Cookie("__Host-haven-return", "/", true);

  @Test
  void aCaseLinkIsNotedAndReadBack() {
    String header = production.set("/haven/cases/case.xhtml?n=HVN-2026-000123&tab=3");
    assertTrue(
        header.startsWith(
            "__Host-haven-return=%2Fhaven%2Fcases%2Fcase.xhtml%3Fn%3DHVN-2026-000123%26tab%3D3;"),
        header);
    assertTrue(
        header.contains("; Path=/;") && header.contains("; Secure") && header.contains("HttpOnly"),
        header);
    String value = header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    assertEquals(
        Optional.of("/haven/cases/case.xhtml?n=HVN-2026-000123&tab=3"), production.target(value));
  }

  @Test
  void onlyAPagesOwnParametersAreNoted() {
    assertTrue(SignInReturn.LINK_QUERY.matcher("n=HVN-2026-000123").matches());
    assertFalse(SignInReturn.LINK_QUERY.matcher("name=Amina").matches(), "a search is never noted");
    assertFalse(SignInReturn.LINK_QUERY.matcher("n=HVN-1&redirect=//evil.example").matches());
    assertFalse(SignInReturn.LINK_QUERY.matcher("n=%3Cscript%3E").matches());
  }

  @Test
  void aNoteHavenDidNotWriteIsIgnored() {
    assertEquals(Optional.empty(), production.target("%2F%2Fevil.example%2F%3Fn%3D1"));
    assertEquals(Optional.empty(), production.target("https%3A%2F%2Fevil.example%2Fx%3Fn%3D1"));
    assertEquals(
        Optional.empty(), production.target("%2Fhaven%2Fcases%2Fcase.xhtml%3Fname%3DAmina"));
    assertEquals(Optional.empty(), production.target("%zz"));
    assertEquals(Optional.empty(), production.target(""));
  }

  @Test
  void onlyTheSignInRedirectLeavesANote() {
    assertTrue(
        SignInReturn.isSignInRedirect(
            "http://localhost:8180/realms/haven/protocol/openid-connect/auth?response_type=code"
                + "&client_id=haven-web&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fhaven%2F"));
    assertFalse(SignInReturn.isSignInRedirect("/haven/cases/case.xhtml?n=HVN-2026-000001"));
    assertFalse(SignInReturn.isSignInRedirect(null));
  }
}
