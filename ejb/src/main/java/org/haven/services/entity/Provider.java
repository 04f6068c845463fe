package org.haven.services.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service provider: the NGO itself, a partner NGO, a clinic, a shelter, a legal aid office, a
 * government agency. Which service types it offers, which areas it covers, how to reach it, and the
 * response time it agreed to (a referral unanswered past it is overdue).
 */
@Entity
@Table(name = "provider")
public class Provider {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "provider_id")
  @SequenceGenerator(name = "provider_id", sequenceName = "provider_id_seq", allocationSize = 50)
  private Long id;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @ElementCollection
  @CollectionTable(name = "provider_service", joinColumns = @JoinColumn(name = "provider_id"))
  @Column(name = "service_code", length = 40)
  private Set<String> serviceTypes = new TreeSet<>();

  @ElementCollection
  @CollectionTable(name = "provider_area", joinColumns = @JoinColumn(name = "provider_id"))
  @Column(name = "area", length = 200)
  private Set<String> areas = new TreeSet<>();

  @Column(name = "phone", length = 64)
  private String phone;

  @Column(name = "email", length = 254)
  private String email;

  @Column(name = "address", length = 500)
  private String address;

  @Column(name = "response_time_hours", nullable = false)
  private int responseTimeHours;

  @Column(name = "active", nullable = false)
  private boolean active = true;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Provider() {}

  public Provider(String name) {
    this.name = Objects.requireNonNull(name);
  }

  /** Replaces everything the directory says about the provider but its name. */
  public void describe(
      Collection<String> serviceTypes,
      Collection<String> areas,
      String phone,
      String email,
      String address,
      int responseTimeHours,
      boolean active) {
    this.serviceTypes.retainAll(serviceTypes);
    this.serviceTypes.addAll(serviceTypes);
    this.areas.retainAll(areas);
    this.areas.addAll(areas);
    this.phone = phone;
    this.email = email;
    this.address = address;
    this.responseTimeHours = responseTimeHours;
    this.active = active;
  }

  public void rename(String name) {
    this.name = Objects.requireNonNull(name);
  }

  public boolean offers(String serviceType) {
    return serviceTypes.contains(serviceType);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Set<String> getServiceTypes() {
    return serviceTypes;
  }

  public Set<String> getAreas() {
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Provider other && name != null && name.equals(other.getName());
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(name);
  }
}
