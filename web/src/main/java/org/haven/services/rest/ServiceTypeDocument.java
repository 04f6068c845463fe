package org.haven.services.rest;

import jakarta.validation.constraints.Size;
import org.haven.services.entity.ServiceType;

/**
 * A service type of the catalogue as the API shows it, and the body of {@code PUT
 * /api/v1/admin/services/{code}} (name, description, active).
 */
public record ServiceTypeDocument(
    String code,
    @Size(max = 200, message = "must be at most 200 characters") String name,
    @Size(max = 1000, message = "must be at most 1000 characters") String description,
    Boolean active) {

  static ServiceTypeDocument of(ServiceType t) {
    return new ServiceTypeDocument(t.getCode(), t.getName(), t.getDescription(), t.isActive());
  }
}
