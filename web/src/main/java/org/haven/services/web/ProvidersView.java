package org.haven.services.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;
import org.haven.services.boundary.ImportReport;
import org.haven.services.boundary.ProviderDetails;
import org.haven.services.boundary.ProviderEntry;
import org.haven.services.boundary.ServiceDirectory;
import org.haven.services.entity.ServiceType;
import org.haven.ui.Labels;
import org.haven.ui.Texts;

/**
 * Backs {@code admin/providers.xhtml}: the provider directory and the service catalogue, a new
 * provider, and the CSV import with its report of rejected rows.
 */
@Named
@ViewScoped
public class ProvidersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ServiceDirectory directory;
  @Inject Labels labels;

  private List<ProviderEntry> providers;
  private List<ServiceType> serviceTypes;

  /** The browser's own file field (h:inputFile): labelled, and reachable by keyboard. */
  private transient Part file;

  private ImportReport report;
  private String name;
  private List<String> services = new ArrayList<>();
  private List<String> areas = new ArrayList<>();
  private String phone;
  private String email;
  private Integer responseTimeHours = 72;
  private String typeCode;
  private String typeName;
  private String typeDescription;

  public List<ProviderEntry> getProviders() {
    if (providers == null) {
      providers = directory.providers(null, null, true);
    }
    return providers;
  }

  public List<ServiceType> getServiceTypes() {
    if (serviceTypes == null) {
      serviceTypes = directory.serviceTypes(true);
    }
    return serviceTypes;
  }

  /** The name of a service type by its code, for the table. */
  public String serviceName(String code) {
    return getServiceTypes().stream()
        .filter(t -> t.getCode().equals(code))
        .map(t -> labels.service(t.getCode(), t.getName()))
        .findFirst()
        .orElse(code);
  }

  public void importFile() {
    if (file == null || file.getSize() == 0) {
      Texts.say(FacesMessage.SEVERITY_WARN, "providers.chooseFile");
      return;
    }
    try {
      String csv;
      try (java.io.InputStream in = file.getInputStream()) {
        csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      report = directory.importProviders(csv);
      Texts.say(
          FacesMessage.SEVERITY_INFO,
          "providers.imported",
          report.created(),
          report.updated(),
          report.rejected().size());
    } catch (InvalidField refused) {
      Texts.sayAsIs(FacesMessage.SEVERITY_WARN, refused.getMessage());
    } catch (java.io.IOException unreadable) {
      Texts.say(FacesMessage.SEVERITY_WARN, "providers.chooseFile");
    }
    providers = null;
  }

  public void add() {
    try {
      directory.saveProvider(
          null,
          new ProviderDetails(name, services, areas, phone, email, null, responseTimeHours, true),
          null);
      Texts.say(FacesMessage.SEVERITY_INFO, "providers.added", name);
      name = null;
      services = new ArrayList<>();
      areas = new ArrayList<>();
      phone = null;
      email = null;
    } catch (InvalidField | Conflict refused) {
      Texts.sayAsIs(FacesMessage.SEVERITY_WARN, refused.getMessage());
    }
    providers = null;
  }

  /** Adds a service type, or renames and redescribes the one with that code. */
  public void saveServiceType() {
    try {
      ServiceType existing =
          getServiceTypes().stream()
              .filter(t -> t.getCode().equals(typeCode))
              .findFirst()
              .orElse(null);
      directory.saveServiceType(
          typeCode, typeName, typeDescription, existing == null || existing.isActive());
      Texts.say(FacesMessage.SEVERITY_INFO, "catalogue.saved", typeName);
      typeCode = null;
      typeName = null;
      typeDescription = null;
    } catch (InvalidField refused) {
      Texts.sayAsIs(FacesMessage.SEVERITY_WARN, refused.getMessage());
    }
    serviceTypes = null;
  }

  /** Retires a service type (it stays on the cases that used it) or restores it. */
  public void toggleServiceType(String code) {
    getServiceTypes().stream()
        .filter(t -> t.getCode().equals(code))
        .findFirst()
        .ifPresent(
            t -> {
              directory.saveServiceType(
                  t.getCode(), t.getName(), t.getDescription(), !t.isActive());
              Texts.say(
                  FacesMessage.SEVERITY_INFO,
                  t.isActive() ? "catalogue.retired" : "catalogue.restored",
                  t.getName());
            });
    serviceTypes = null;
  }

  /** Fills the catalogue form with a type, to rename or redescribe it. */
  public void editServiceType(ServiceType type) {
    typeCode = type.getCode();
    typeName = type.getName();
    typeDescription = type.getDescription();
  }

  public String getTypeCode() {
    return typeCode;
  }

  public void setTypeCode(String typeCode) {
    this.typeCode = typeCode == null ? null : typeCode.strip().toUpperCase(java.util.Locale.ROOT);
  }

  public String getTypeName() {
    return typeName;
  }

  public void setTypeName(String typeName) {
    this.typeName = typeName;
  }

  public String getTypeDescription() {
    return typeDescription;
  }

  public void setTypeDescription(String typeDescription) {
    this.typeDescription = typeDescription;
  }

  public ImportReport getReport() {
    return report;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getServices() {
    return services;
  }

  public void setServices(List<String> services) {
    this.services = services;
  }

  public List<String> getAreas() {
    return areas;
  }

  public void setAreas(List<String> areas) {
    this.areas = areas;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public Integer getResponseTimeHours() {
    return responseTimeHours;
  }

  public void setResponseTimeHours(Integer responseTimeHours) {
    this.responseTimeHours = responseTimeHours;
  }
}
