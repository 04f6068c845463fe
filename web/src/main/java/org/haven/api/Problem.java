package org.haven.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx answer of the API. {@code errors} lists
 * the offending fields of a request that failed validation (RFC 9457, section 3 shows the same
 * member), each with its JSON pointer.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors", "allowed"})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    List<String> allowed) {

  /** A problem without a list of allowed values (all but illegal moves). */
  public Problem(
      String type,
      String title,
      int status,
      String detail,
      String instance,
      List<FieldError> errors) {
    this(type, title, status, detail, instance, errors, null);
  }

  public static final String MEDIA_TYPE = "application/problem+json";

  /** A problem that only restates the HTTP status, as RFC 9457 intends for "about:blank". */
  public static Problem of(Response.StatusType status, String detail) {
    return new Problem(
        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
  }

  /** The same problem, naming the request path it answers ({@code instance}). */
  public Problem at(String path) {
    return new Problem(type, title, status, detail, path, errors, allowed);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }

  /** One invalid field: its dotted name, its JSON pointer and what is wrong with it. */
  @JsonbPropertyOrder({"field", "pointer", "detail"})
  public record FieldError(String field, String pointer, String detail) {
    public static FieldError of(String field, String detail) {
      return new FieldError(field, "#/" + field.replace('.', '/'), detail);
    }
  }
}
