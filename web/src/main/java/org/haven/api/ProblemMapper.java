package org.haven.api;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * The fallback: a failure that reached the API wrapped by the EJB container (or by an untyped
 * {@code RuntimeException}) is answered as its cause would be ({@link ProblemMappers}); anything
 * else is a server error, logged with an incident id that the answer gives.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  @Context UriInfo uriInfo;
  @Context Providers providers;

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Response toResponse(Throwable thrown) {
    Throwable cause = unwrapped(thrown);
    if (cause != thrown) {
      ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
      if (mapper != null && !(mapper instanceof ProblemMapper)) {
        return mapper.toResponse(cause);
      }
    }
    return Problems.serverError(cause).at(uriInfo.getRequestUri().getRawPath()).toResponse();
  }

  /** The failure inside the container's wrappers. */
  static Throwable unwrapped(Throwable thrown) {
    Throwable current = thrown;
    while ((current instanceof EJBException || current.getClass() == RuntimeException.class)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
