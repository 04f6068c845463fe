package org.haven.api;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remembers which operation a REST request matched, as its path template with only case numbers
 * filled in ({@code /api/v1/cases/HVN-2026-000042/notes/{noteId}}): what the audit trail may record
 * of a refused request's path, since any other path segment could be something a user typed. Runs
 * before the authorisation filters, so a refused request has it too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class MatchedPath implements ContainerRequestFilter {

  private static final String ATTRIBUTE = MatchedPath.class.getName();
  private static final Pattern CASE_NUMBER = Pattern.compile("HVN-\\d{4}-\\d{6,}");
  private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)[^}]*}");

  @Context ResourceInfo resource;
  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    if (resource.getResourceClass() == null) {
      return;
    }
    String template =
        join(
            "/api/v1",
            join(
                path(resource.getResourceClass()),
                resource.getResourceMethod() == null ? "" : path(resource.getResourceMethod())));
    Matcher parameter = PARAMETER.matcher(template);
    StringBuilder safe = new StringBuilder();
    while (parameter.find()) {
      String value = context.getUriInfo().getPathParameters().getFirst(parameter.group(1));
      String shown =
          value != null && CASE_NUMBER.matcher(value).matches()
              ? value
              : "{" + parameter.group(1) + "}";
      parameter.appendReplacement(safe, Matcher.quoteReplacement(shown));
    }
    parameter.appendTail(safe);
    request.setAttribute(ATTRIBUTE, safe.toString());
  }

  /** The matched operation's path of this request, if it reached a REST resource. */
  public static Optional<String> of(HttpServletRequest request) {
    return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE));
  }

  private static String path(AnnotatedElement element) {
    Path path = element.getAnnotation(Path.class);
    return path == null ? "" : path.value();
  }

  private static String join(String a, String b) {
    String left = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
    String right = b.startsWith("/") ? b.substring(1) : b;
    return right.isEmpty() ? left : left + "/" + right;
  }
}
