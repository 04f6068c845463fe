package org.haven.services.boundary;

import java.util.List;
import org.haven.services.entity.Provider;

/** A provider as the directory lists it (REST and pages alike), taken whole in the transaction. */
public final class ProviderEntry {

  private final long id;
  private final String name;
  private final List<String> serviceTypes;
  private final List<String> areas;
  private final String phone;
  private final String email;
  private final String address;
  private final int responseTimeHours;
  private final boolean active;
  private final long version;

  ProviderEntry(Provider p) {
    this.id = p.getId();
    this.name = p.getName();
    this.serviceTypes = List.copyOf(p.getServiceTypes());
    this.areas = List.copyOf(p.getAreas());
    this.phone = p.getPhone();
    this.email = p.getEmail();
    this.address = p.getAddress();
    this.responseTimeHours = p.getResponseTimeHours();
    this.active = p.isActive();
    this.version = p.getVersion();
  }

  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public List<String> getServiceTypes() {
    return serviceTypes;
  }

  public List<String> getAreas() {
    return areas;
  }

  public String getPhone() {
    return phone;
  }

  public String getEmail() {
    return email;
  }

  public String getAddress() {
    return address;
  }

  public int getResponseTimeHours() {
    return responseTimeHours;
  }

  public boolean isActive() {
    return active;
  }

  public long getVersion() {
    return version;
  }
}
