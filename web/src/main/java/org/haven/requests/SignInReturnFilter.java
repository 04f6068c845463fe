package org.haven.requests;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The second half of {@link SignInReturn}: the first page a user reaches signed in, if it is the
 * page of the address noted at the sign-in redirect but without its query, sends them on to that
 * address. The note is used once and removed, and so is a note for another page or one Haven did
 * not write.
 */
@WebFilter(filterName = "org.haven.requests.SignInReturnFilter", urlPatterns = "/*")
public class SignInReturnFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private transient SignInReturn.Cookie cookie;

  @Override
  public void init() {
    cookie = SignInReturn.Cookie.forThisMode(getServletContext().getContextPath());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<Cookie> note = noteIn(request);
    if (note.isPresent()
        && request.getUserPrincipal() != null
        && "GET".equals(request.getMethod())) {
      response.addHeader("Set-Cookie", cookie.clear());
      Optional<String> target = cookie.target(note.get().getValue());
      if (request.getQueryString() == null
          && target.isPresent()
          && target.get().startsWith(request.getRequestURI() + "?")) {
        // Relative, so that behind the TLS proxy the browser stays on https.
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", target.get());
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private Optional<Cookie> noteIn(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null
        ? Optional.empty()
        : Arrays.stream(cookies).filter(c -> cookie.name().equals(c.getName())).findFirst();
  }
}
