package org.haven.api;

import jakarta.ws.rs.BadRequestException;

/** A path, query or header parameter of the wrong format, by name. */
class InvalidParameter extends BadRequestException {

  private static final long serialVersionUID = 1L;

  private final String name;
  private final String detail;

  InvalidParameter(String name, String detail) {
    super("invalid parameter");
    this.name = name;
    this.detail = detail;
  }

  Problem problem() {
    return Problems.invalidFields(java.util.List.of(Problem.FieldError.of(name, detail)));
  }
}
