package org.haven.services.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.haven.services.boundary.ServiceDirectory;

/**
 * Menus from the directory for any page that plans a service or writes a referral: the active
 * service types, and the active providers offering one of them.
 */
@Named
@RequestScoped
public class ServiceChoices {

  @Inject ServiceDirectory directory;

  private List<SelectItem> serviceTypes;

  public List<SelectItem> getServiceTypes() {
    if (serviceTypes == null) {
      serviceTypes =
          directory.serviceTypes(false).stream()
              .map(t -> new SelectItem(t.getCode(), t.getName()))
              .toList();
    }
    return serviceTypes;
  }

  /** The providers offering {@code serviceType}; none until a service is chosen. */
  public List<SelectItem> providersFor(String serviceType) {
    return serviceType == null || serviceType.isBlank()
        ? List.of()
        : directory.providers(serviceType, null, false).stream()
            .map(p -> new SelectItem(p.getId(), p.getName()))
            .toList();
  }
}
