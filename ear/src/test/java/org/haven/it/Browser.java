package org.haven.it;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser's cookie jar for Haven and Keycloak on localhost. REST Assured's own cookie store does
 * not send {@code Secure} cookies over plain HTTP, while browsers do on localhost, where Keycloak
 * sets them; everything here runs on localhost, so the jar keeps one cookie per name.
 */
public final class Browser implements Filter {

  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final List<String> setCookies = new ArrayList<>();

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext context) {
    cookies.forEach(request::cookie);
    Response answer = context.next(request, response);
    setCookies.addAll(answer.headers().getValues("Set-Cookie"));
    for (Cookie cookie : answer.getDetailedCookies()) {
      boolean deleted =
          cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty();
      if (deleted) {
        cookies.remove(cookie.getName());
      } else {
        cookies.put(cookie.getName(), cookie.getValue());
      }
    }
    return answer;
  }

  /** Every Set-Cookie header this browser was sent, as sent (attributes included). */
  public List<String> setCookieHeaders() {
    return List.copyOf(setCookies);
  }
}
