package org.haven.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.annotations.NaturalId;

/**
 * Someone who works in Haven, as Keycloak last described them: provisioned on their first sign-in
 * and refreshed on later ones. Keycloak stays the authority; this record lets cases name their
 * caseworkers and lets a supervisor pick one who has never yet been online today.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_member_id")
  @SequenceGenerator(
      name = "staff_member_id",
      sequenceName = "staff_member_id_seq",
      allocationSize = 50)
  private Long id;

  /** Keycloak's subject: the one identifier that never changes. */
  @NaturalId
  @Column(name = "subject", nullable = false, updatable = false, length = 64)
  private String subject;

  @Column(name = "username", nullable = false)
  private String username;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "team", length = 64)
  private String team;

  /** As Keycloak holds it; where notification mail goes when mail is switched on. */
  @Column(name = "email")
  private String email;

  @Column(name = "caseworker", nullable = false)
  private boolean caseworker;

  @Column(name = "supervisor", nullable = false)
  private boolean supervisor;

  /** Disabled by an administrator: refused at once, whatever tokens are still valid. */
  @Column(name = "disabled", nullable = false)
  private boolean disabled;

  @Column(name = "first_seen_at", nullable = false, updatable = false)
  private Instant firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected StaffMember() {}

  public StaffMember(String subject, Instant seenAt) {
    this.subject = Objects.requireNonNull(subject);
    this.firstSeenAt = seenAt;
    this.lastSeenAt = seenAt;
  }

  /**
   * Takes what the latest token says about this person. Unchanged values leave the entity clean, so
   * an unchanged sign-in writes nothing.
   */
  public void describe(
      String username,
      String displayName,
      String email,
      String team,
      boolean caseworker,
      boolean supervisor) {
    this.username = username;
    this.email = email;
    this.displayName = displayName == null || displayName.isBlank() ? username : displayName;
    this.team = team;
    this.caseworker = caseworker;
    this.supervisor = supervisor;
  }

  public void setDisabled(boolean disabled) {
    this.disabled = disabled;
  }

  public boolean isDisabled() {
    return disabled;
  }

  public void seenAt(Instant at) {
    this.lastSeenAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getSubject() {
    return subject;
  }

  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getTeam() {
    return team;
  }

  public boolean isCaseworker() {
    return caseworker;
  }

  public boolean isSupervisor() {
    return supervisor;
  }

  public Instant getLastSeenAt() {
    return lastSeenAt;
  }

  @Override
  public boolean equals(Object o) {
    // getSubject(), not the field: the other may be a lazy proxy, whose own fields are empty.
    return o instanceof StaffMember other && subject.equals(other.getSubject());
  }

  @Override
  public int hashCode() {
    return subject.hashCode();
  }

  @Override
  public String toString() {
    return "StaffMember[" + username + "]";
  }
}
