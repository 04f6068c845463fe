package org.haven.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The problems Haven answers with, in one place, for the mappers of each failure: client errors say
 * what to fix; server errors say only that something failed and give the id of its log entry, so
 * that no stack trace, SQL or survivor data reaches a client.
 */
final class Problems {

  static final String VALIDATION_TYPE = "urn:haven:problem:validation";
  static final String UNREADABLE_TYPE = "urn:haven:problem:unreadable-body";
  static final String CONFLICT_TYPE = "urn:haven:problem:conflict";
  static final String TOO_MANY_TYPE = "urn:haven:problem:too-many";

  private static final Logger LOG = Logger.getLogger(Problems.class.getName());

  private Problems() {}

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

  static Problem invalid(ConstraintViolationException e) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      errors.add(Problem.FieldError.of(fieldName(v.getPropertyPath()), v.getMessage()));
    }
    errors.sort(Comparator.comparing(Problem.FieldError::field));
    return invalidFields(errors);
  }

  /**
   * The JSON name of a violated property: the path below the method parameter for a REST call
   * ({@code register.intake.riskLevel} becomes {@code riskLevel}), the bean path otherwise.
   */
  static String fieldName(Path path) {
    List<String> names = new ArrayList<>();
    boolean parameter = false;
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
        names.clear();
      } else if (node.getKind() == ElementKind.PARAMETER) {
        names.clear();
        names.add(node.getName());
        parameter = true;
      } else if (node.getName() != null) {
        names.add(node.getName());
      }
    }
    // A parameter with properties under it: report the properties; a bare parameter: its name.
    if (names.size() > 1 && parameter) {
      names.remove(0);
    }
    return names.isEmpty() ? "body" : String.join(".", names);
  }

  /** A body that is not JSON of the expected shape; {@code where} is a syntax error's place. */
  static Problem unreadable(String where, List<Problem.FieldError> errors) {
    return new Problem(
        UNREADABLE_TYPE,
        "Unreadable request body",
        400,
        "The body is not JSON of the expected shape"
            + (where == null ? "" : " (syntax error at " + where + ")")
            + ": check for syntax errors, unknown properties and values of the wrong type.",
        null,
        errors == null || errors.isEmpty() ? null : errors);
  }

  static Problem conflict(String detail, List<String> allowed) {
    return new Problem(CONFLICT_TYPE, "Conflict", 409, detail, null, null, allowed);
  }

  static Problem tooMany(String detail) {
    return new Problem(TOO_MANY_TYPE, "Too Many Requests", 429, detail, null, null);
  }

  static Problem status(int status) {
    Response.StatusType type = Response.Status.fromStatusCode(status);
    if (type == null) {
      type = Response.Status.BAD_REQUEST;
    }
    return Problem.of(type, clientDetail(status));
  }

  /** What a client is told about a status JAX-RS or the container chose (never their texts). */
  static String clientDetail(int status) {
    return switch (status) {
      case 400 -> "The request is malformed.";
      case 401 -> "Sign in first: send a valid bearer token.";
      case 403 -> "Your role does not allow this.";
      case 404 -> "No such resource.";
      case 405 -> "This method is not allowed on this resource.";
      case 406 -> "This resource cannot answer in the media type you accept.";
      case 413 -> "The request body is larger than the API accepts (1 MiB).";
      case 415 -> "Send the body as application/json.";
      default -> "The request cannot be answered.";
    };
  }

  static Problem serverError(Throwable cause) {
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
}
