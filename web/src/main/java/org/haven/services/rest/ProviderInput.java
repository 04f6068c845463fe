package org.haven.services.rest;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.haven.services.boundary.ProviderDetails;

/**
 * The body of {@code POST /api/v1/admin/providers} and {@code PUT /api/v1/admin/providers/{id}}:
 * the provider's name, the service types it offers (catalogue codes), the areas it covers, how to
 * reach it, the agreed response time in hours, whether it takes referrals ({@code active}), and for
 * a change optionally the {@code version} read.
 */
public record ProviderInput(
    @Size(max = 200, message = "must be at most 200 characters") String name,
    @Size(max = 30, message = "too many service types") List<String> serviceTypes,
    @Size(max = 100, message = "too many areas") List<String> areas,
    String phone,
    String email,
    String address,
    Integer responseTimeHours,
    Boolean active,
    Long version) {

  ProviderDetails details() {
    return new ProviderDetails(
        name, serviceTypes, areas, phone, email, address, responseTimeHours, active);
  }
}
