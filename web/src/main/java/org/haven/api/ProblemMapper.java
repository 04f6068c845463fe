package org.haven.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;
import org.haven.problems.NotFound;

/**
 * Turns every failure of a REST call into an RFC 9457 problem. Client errors say what to fix;
 * server errors say only that something failed and give an id to find the log entry, so no stack
 * trace, SQL or survivor data ever reaches a client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  static final String VALIDATION_TYPE = "urn:haven:problem:validation";
  static final String UNREADABLE_TYPE = "urn:haven:problem:unreadable-body";
  static final String CONFLICT_TYPE = "urn:haven:problem:conflict";
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
  // Yasson's wording (WildFly's JSON-B); its messages may also quote input, which is dropped.
  private static final Pattern INSIDE_PROPERTY =
      Pattern.compile("Unable to deserialize property '([^']+)'");
  private static final Pattern UNKNOWN_PROPERTY =
      Pattern.compile("Json property (\\S+) can not be mapped");
  private static final Pattern QUERY_PARAM =
      Pattern.compile("(Query|Path|Header)Param\\(\"([^\"]+)\"\\)");

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(Throwable thrown) {
    return problemFor(thrown).at(uriInfo.getRequestUri().getRawPath()).toResponse();
  }

  /** The problem that answers a failure; the request path is added by the caller. */
  static Problem problemFor(Throwable thrown) {
    Throwable cause = unwrap(thrown);
    Problem problem;
    if (cause instanceof ConstraintViolationException violations) {
      problem = invalid(violations);
    } else if (badParameter(cause) != null) {
      problem =
          invalidFields(
              List.of(Problem.FieldError.of(badParameter(cause), "has the wrong format")));
    } else if (cause instanceof WebApplicationException web && web.getResponse() != null) {
      Response.StatusType status = web.getResponse().getStatusInfo();
      problem =
          status.getStatusCode() >= 500
              ? serverError(cause)
              : Problem.of(status, clientDetail(status.getStatusCode(), web));
    } else if (isUnreadableBody(cause)) {
      problem = unreadable(cause);
    } else if (cause instanceof InvalidField invalid) {
      problem =
          invalidFields(List.of(Problem.FieldError.of(invalid.field(), invalid.getMessage())));
    } else if (cause instanceof Conflict conflict) {
      problem =
          new Problem(
              CONFLICT_TYPE,
              "Conflict",
              409,
              conflict.getMessage(),
              null,
              null,
              conflict.allowed());
    } else if (cause instanceof NotFound) {
      problem = Problem.of(Response.Status.NOT_FOUND, clientDetail(404, null));
    } else if (cause instanceof EJBAccessException) {
      problem = Problem.of(Response.Status.FORBIDDEN, clientDetail(403, null));
    } else if (cause instanceof OptimisticLockException) {
      problem =
          new Problem(
              CONFLICT_TYPE,
              "Edited by someone else",
              409,
              "The record was changed by someone else since you read it. Reload it and retry.",
              null,
              null);
    } else {
      problem = serverError(cause);
    }
    return problem;
  }

  static Problem invalid(ConstraintViolationException e) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      errors.add(Problem.FieldError.of(fieldName(v.getPropertyPath()), v.getMessage()));
    }
    errors.sort(Comparator.comparing(Problem.FieldError::field));
    return invalidFields(errors);
  }

  /** The one shape of a 400 naming the fields to fix. */
  static Problem invalidFields(List<Problem.FieldError> errors) {
    return new Problem(
        VALIDATION_TYPE,
        "Invalid request",
        400,
        "Some fields are missing or invalid; see errors.",
        null,
        errors);
  }

  /**
   * The JSON name of a violated property: the path below the method parameter for a REST call
   * ({@code register.intake.riskLevel} becomes {@code riskLevel}), the bean path otherwise.
   */
  static String fieldName(Path path) {
    List<String> names = new ArrayList<>();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
        names.clear();
      } else if (node.getKind() == ElementKind.PARAMETER) {
        names.clear();
        names.add(node.getName());
      } else if (node.getName() != null) {
        names.add(node.getName());
      }
    }
    // A parameter with properties under it: report the properties; a bare parameter: its name.
    if (names.size() > 1 && isParameter(path)) {
      names.remove(0);
    }
    return names.isEmpty() ? "body" : String.join(".", names);
  }

  private static boolean isParameter(Path path) {
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.PARAMETER) {
        return true;
      }
    }
    return false;
  }

  /**
   * The parameter RESTEasy could not convert ({@code ?page=abc}). JAX-RS answers that with 404 for
   * query and path parameters, which would send a client looking for a missing resource.
   */
  private static String badParameter(Throwable cause) {
    if (!(cause instanceof WebApplicationException)
        || cause.getMessage() == null
        || !cause.getMessage().contains("Unable to extract parameter")) {
      return null;
    }
    Matcher m = QUERY_PARAM.matcher(cause.getMessage());
    return m.find() ? m.group(2) : "parameter";
  }

  private static boolean isUnreadableBody(Throwable cause) {
    return cause instanceof JsonbException
        || cause instanceof JsonParsingException
        || cause instanceof ProcessingException;
  }

  /**
   * Names what JSON-B could not read, from its messages: the properties it was inside ("Unable to
   * deserialize property 'survivor'") and the unknown one ("Json property x can not be mapped"), or
   * the line and column of a syntax error. Never the input values themselves.
   */
  private static Problem unreadable(Throwable cause) {
    List<String> path = new ArrayList<>();
    String unknown = null;
    String where = null;
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof JsonParsingException parsing && parsing.getLocation() != null) {
        where =
            " (syntax error at line "
                + parsing.getLocation().getLineNumber()
                + ", column "
                + parsing.getLocation().getColumnNumber()
                + ")";
      }
      String message = t.getMessage() == null ? "" : t.getMessage();
      Matcher inside = INSIDE_PROPERTY.matcher(message);
      if (inside.lookingAt()) {
        path.add(inside.group(1));
      }
      Matcher unmapped = UNKNOWN_PROPERTY.matcher(message);
      if (unmapped.find()) {
        unknown = unmapped.group(1);
      }
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    if (unknown != null) {
      path.add(unknown);
      errors.add(Problem.FieldError.of(String.join(".", path), "unknown property"));
    } else if (!path.isEmpty()) {
      errors.add(Problem.FieldError.of(String.join(".", path), "value of the wrong type"));
    }
    return new Problem(
        UNREADABLE_TYPE,
        "Unreadable request body",
        400,
        "The body is not JSON of the expected shape"
            + (where == null ? "" : where)
            + ": check for syntax errors, unknown properties and values of the wrong type.",
        null,
        errors.isEmpty() ? null : errors);
  }

  private static String clientDetail(int status, WebApplicationException e) {
    return switch (status) {
      case 403 -> "Your role does not allow this.";
      case 404 -> "No such resource.";
      case 405 -> "This method is not allowed on this resource.";
      case 406 -> "This resource cannot answer in the media type you accept.";
      case 413 -> "The request body is larger than the API accepts (1 MiB).";
      case 415 -> "Send the body as application/json.";
      // RESTEasy's own messages quote the rejected input and internals: not for clients.
      default ->
          e.getMessage() == null || e.getMessage().startsWith("RESTEASY")
              ? "A path or query parameter has the wrong format."
              : e.getMessage();
    };
  }

  private static Problem serverError(Throwable cause) {
    String incident = UUID.randomUUID().toString();
    // The exception class and stack only go to the server log, keyed by the incident id.
    LOG.log(Level.SEVERE, "Unhandled REST failure, incident " + incident, cause);
    return new Problem(
        "about:blank",
        "Internal Server Error",
        500,
        "Haven could not complete the request. Incident " + incident + " is logged.",
        null,
        null);
  }

  /**
   * The failure to answer for: EJB and reader wrappers are peeled off, and a status chosen deeper
   * down (the body size limit fires inside the JSON reader) wins over the wrapper around it.
   */
  private static Throwable unwrap(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof WebApplicationException && c != t) {
        return c;
      }
    }
    Throwable current = t;
    while ((current instanceof EJBException || current.getClass() == RuntimeException.class)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
