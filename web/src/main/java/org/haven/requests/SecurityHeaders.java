package org.haven.requests;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The browser protections on every answer: no framing (clickjacking a case page), no guessing of
 * content types, no Referer carrying a case number to another site, and HSTS once Haven is reached
 * over HTTPS. Pages get their Content-Security-Policy from PrimeFaces (web.xml, {@code
 * primefaces.CSP_POLICY}), which adds the nonce of its scripts; the API's JSON and files get a
 * policy that lets them do nothing at all if a browser ever renders one. Mapped first in web.xml,
 * so that even an answer another filter writes itself (a refusal at the door) carries them.
 */
@WebFilter(filterName = "org.haven.requests.SecurityHeaders")
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

  /** A year, as the HSTS preload list asks; only ever sent over HTTPS. */
  static final String HSTS = "max-age=31536000; includeSubDomains";

  @Inject ClientAddress clientAddress;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (clientAddress.overHttps(request)) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    // The servlet path is decoded by the container: /haven/%61pi/… is the API too.
    if (request.getServletPath().startsWith("/api/")) {
      response.setHeader("Content-Security-Policy", API_POLICY);
    }
    chain.doFilter(request, response);
  }
}
