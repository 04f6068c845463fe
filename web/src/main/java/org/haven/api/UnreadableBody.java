package org.haven.api;

import jakarta.ws.rs.BadRequestException;
import java.util.List;

/** A request body that is not JSON of the shape its operation takes; what is wrong, by field. */
class UnreadableBody extends BadRequestException {

  private static final long serialVersionUID = 1L;

  private final transient String where;
  private final transient List<Problem.FieldError> errors;

  UnreadableBody(String where, List<Problem.FieldError> errors) {
    super("unreadable request body");
    this.where = where;
    this.errors = List.copyOf(errors);
  }

  Problem problem() {
    return Problems.unreadable(where, errors);
  }
}
