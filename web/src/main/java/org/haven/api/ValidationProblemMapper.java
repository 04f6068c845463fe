package org.haven.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures as 400 problems naming the fields. Its own mapper, because RESTEasy
 * ships one for this exception type.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(ValidationException e) {
    // Anything but violations is a mistake of Haven's own constraints: a server error.
    Problem problem =
        e instanceof ConstraintViolationException violations
            ? Problems.invalid(violations)
            : Problems.serverError(e);
    return problem.at(uriInfo.getRequestUri().getRawPath()).toResponse();
  }
}
