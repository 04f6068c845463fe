package org.haven.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures as 400 problems naming the fields. Needed beside {@link ProblemMapper}
 * because RESTEasy ships its own mapper for this exception type, which would otherwise win over a
 * mapper for {@code Throwable}.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(ValidationException e) {
    Problem problem =
        e instanceof ConstraintViolationException violations
            ? ProblemMapper.invalid(violations)
            : ProblemMapper.problemFor(e);
    return problem.at(uriInfo.getRequestUri().getRawPath()).toResponse();
  }
}
