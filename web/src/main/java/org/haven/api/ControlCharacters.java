package org.haven.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Refuses a control character (NUL, a line break, DEL, …) anywhere in the path or the query with a
 * 400 problem, before any resource sees it. No identifier, code or search term of the API holds
 * one, and letting them through ends in PostgreSQL refusing a NUL byte (a 500) or in a forged line
 * in a log. The problem names the parameter, never its value.
 */
@Provider
@PreMatching
public class ControlCharacters implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath(true);
    if (holdsControl(path)) {
      refuse(request, "The path holds a control character.");
      return;
    }
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      String name = parameter.getKey();
      if (holdsControl(name)) {
        refuse(request, "A query parameter's name holds a control character.");
        return;
      }
      for (String value : parameter.getValue()) {
        if (holdsControl(value)) {
          refuse(
              request,
              "The query parameter '"
                  + (name.length() > 40 ? name.substring(0, 40) : name)
                  + "' holds a control character.");
          return;
        }
      }
    }
  }

  static boolean holdsControl(String text) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static void refuse(ContainerRequestContext request, String detail) {
    request.abortWith(
        Problem.of(Response.Status.BAD_REQUEST, detail)
            .at(request.getUriInfo().getRequestUri().getRawPath())
            .toResponse());
  }
}
