package org.haven.services.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.haven.services.boundary.ServiceDirectory;
import org.haven.ui.Labels;

/**
 * Menus from the directory for any page that plans a service or writes a referral: the active
 * service types, and the active providers offering one of them.
 */
@Named
@RequestScoped
public class ServiceChoices {

  @Inject ServiceDirectory directory;
  @Inject Labels labels;

  private List<SelectItem> serviceTypes;
  private Boolean directoryEmpty;
  private final Map<String, List<SelectItem>> providers = new HashMap<>();

  public List<SelectItem> getServiceTypes() {
    if (serviceTypes == null) {
      serviceTypes =
          directory.serviceTypes(false).stream()
              .map(t -> new SelectItem(t.getCode(), labels.service(t.getCode(), t.getName())))
              .toList();
    }
    return serviceTypes;
  }

  /** The providers offering {@code serviceType}; none until a service is chosen. */
  public List<SelectItem> providersFor(String serviceType) {
    if (serviceType == null || serviceType.isBlank()) {
      return List.of();
    }
    return providers.computeIfAbsent(
        serviceType,
        type ->
            directory.providers(type, null, false).stream()
                .map(p -> new SelectItem(p.getId(), p.getName()))
                .toList());
  }

  /**
   * Whether no active provider is in the directory: then no referral can be written, and the page
   * says so (and who fills the directory) instead of offering a form that cannot succeed.
   */
  public boolean isDirectoryEmpty() {
    if (directoryEmpty == null) {
      directoryEmpty = !directory.hasProviders(false);
    }
    return directoryEmpty;
  }
}
