package org.haven.services.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A kind of service survivors are referred to (shelter, medical care, legal aid…): the catalogue
 * administrators keep. Identified by a stable code; a retired type is inactive, never deleted,
 * because cases and referrals still name it.
 */
@Entity
@Table(name = "service_type")
public class ServiceType {

  @Id
  @Column(name = "code", length = 40)
  private String code;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Column(name = "description", length = 1000)
  private String description;

  @Column(name = "active", nullable = false)
  private boolean active = true;

  /** The catalogue's order in menus. */
  @Column(name = "position", nullable = false)
  private int position;

  protected ServiceType() {}

  public ServiceType(String code, String name, String description, int position) {
    this.code = Objects.requireNonNull(code);
    describe(name, description);
    this.position = position;
  }

  public void describe(String name, String description) {
    this.name = Objects.requireNonNull(name);
    this.description = description;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public boolean isActive() {
    return active;
  }

  public int getPosition() {
    return position;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceType other && code != null && code.equals(other.getCode());
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(code);
  }
}
