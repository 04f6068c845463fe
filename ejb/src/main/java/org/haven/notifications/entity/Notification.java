package org.haven.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.haven.access.entity.StaffMember;

/**
 * Something a member of staff should know about a referral or their team, until they read it. It
 * names the case and the referral by number only, or the staff member whose access changed: nothing
 * of the survivor, so the bell and an optional e-mail carry no protected data.
 */
@Entity
@Table(name = "notification")
public class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_id")
  @SequenceGenerator(
      name = "notification_id",
      sequenceName = "notification_id_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "recipient_id", nullable = false, updatable = false)
  private StaffMember recipient;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false, length = 32)
  private NotificationKind kind;

  @Column(name = "case_number", updatable = false, length = 20)
  private String caseNumber;

  /** What a notice about no case is about: a staff member and a change of their access. */
  @Column(name = "about", updatable = false, length = 200)
  private String about;

  @Column(name = "referral_id", updatable = false)
  private Long referralId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "read_at")
  private Instant readAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Notification() {}

  public Notification(
      StaffMember recipient,
      NotificationKind kind,
      String caseNumber,
      Long referralId,
      Instant at) {
    this.recipient = Objects.requireNonNull(recipient);
    this.kind = Objects.requireNonNull(kind);
    this.caseNumber = Objects.requireNonNull(caseNumber);
    this.referralId = referralId;
    this.createdAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * A notice that says who did what ({@code about}: a staff member and a change of their access, or
   * who broke the glass of a case and why), about a case or about none.
   */
  public static Notification about(
      StaffMember recipient, NotificationKind kind, String caseNumber, String about, Instant at) {
    Notification n = new Notification();
    n.recipient = Objects.requireNonNull(recipient);
    n.kind = Objects.requireNonNull(kind);
    n.caseNumber = caseNumber;
    n.about = about.length() > 200 ? about.substring(0, 200) : about;
    n.createdAt = at.truncatedTo(ChronoUnit.MICROS);
    return n;
  }

  public void read(Instant at) {
    if (readAt == null) {
      readAt = at.truncatedTo(ChronoUnit.MICROS);
    }
  }

  public boolean isRead() {
    return readAt != null;
  }

  public Long getId() {
    return id;
  }

  public StaffMember getRecipient() {
    return recipient;
  }

  public NotificationKind getKind() {
    return kind;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getAbout() {
    return about;
  }

  public Long getReferralId() {
    return referralId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getReadAt() {
    return readAt;
  }
}
