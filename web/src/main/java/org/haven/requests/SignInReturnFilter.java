package org.haven.requests;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The second half of {@link SignInReturn}: the first page a user reaches signed in, if it is the
 * page of the address noted at the sign-in redirect but without its query, sends them on to that
 * address. The note is used once and removed; a note for another page is dropped.
 */
@WebFilter(filterName = "org.haven.requests.SignInReturnFilter", urlPatterns = "/*")
public class SignInReturnFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<Cookie> note = noteIn(request);
    if (note.isPresent()
        && request.getUserPrincipal() != null
        && "GET".equals(request.getMethod())) {
      Cookie gone = new Cookie(SignInReturn.COOKIE, "");
      gone.setPath(request.getContextPath() + "/");
      gone.setMaxAge(0);
      gone.setHttpOnly(true);
      gone.setSecure(request.isSecure());
      response.addCookie(gone);
      String target = URLDecoder.decode(note.get().getValue(), StandardCharsets.UTF_8);
      if (request.getQueryString() == null && target.startsWith(request.getRequestURI() + "?")) {
        response.sendRedirect(target);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static Optional<Cookie> noteIn(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null
        ? Optional.empty()
        : Arrays.stream(cookies).filter(c -> SignInReturn.COOKIE.equals(c.getName())).findFirst();
  }
}
