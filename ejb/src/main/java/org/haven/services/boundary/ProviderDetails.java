package org.haven.services.boundary;

import java.util.List;

/**
 * What an administrator says about a provider (a form, a REST body, a CSV row): checked by {@link
 * ServiceDirectory} as one, so the three report the same reasons.
 */
public record ProviderDetails(
    String name,
    List<String> serviceTypes,
    List<String> areas,
    String phone,
    String email,
    String address,
    Integer responseTimeHours,
    Boolean active) {

  public ProviderDetails {
    serviceTypes = serviceTypes == null ? List.of() : List.copyOf(serviceTypes);
    areas = areas == null ? List.of() : List.copyOf(areas);
  }
}
