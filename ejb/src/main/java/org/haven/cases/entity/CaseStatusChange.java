package org.haven.cases.entity;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.haven.access.entity.StaffMember;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.Resealing;
import org.haven.crypto.entity.Protected;

/** One entry of a case's status history: who moved it where and when, and why when returned. */
@Entity
@Table(name = "case_status_change")
public class CaseStatusChange {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_status_change_id")
  @SequenceGenerator(
      name = "case_status_change_id",
      sequenceName = "case_status_change_id_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  private SurvivorCase survivorCase;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", length = 32)
  private CaseStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false, length = 32)
  private CaseStatus toStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 16)
  private StatusChangeKind kind;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "changed_by_id")
  private StaffMember changedBy;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Protected("statusChange.reason")
  @Column(name = "reason")
  private byte[] reason;

  protected CaseStatusChange() {}

  public CaseStatusChange(
      SurvivorCase survivorCase,
      CaseStatus from,
      CaseStatus to,
      StatusChangeKind kind,
      StaffMember by,
      Instant at) {
    this.survivorCase = survivorCase;
    this.fromStatus = from;
    this.toStatus = to;
    this.kind = kind;
    this.changedBy = by;
    this.changedAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  /** Seals the reason, bound to this entry (its id is known once persisted). */
  public void explain(FieldCipher cipher, String text) {
    reason = cipher.seal(survivorCase.getCaseNumber(), field(), text);
  }

  public String reason(FieldCipher cipher) {
    return cipher.open(survivorCase.getCaseNumber(), field(), reason);
  }

  public void forget() {
    reason = null;
  }

  /** Seals the value again with the survivor's new data key (a re-key). */
  public void reseal(Resealing r) {
    reason = r.reseal(survivorCase.getCaseNumber(), field(), reason);
  }

  private String field() {
    return "statusChange." + id + ".reason";
  }

  public Long getId() {
    return id;
  }

  public CaseStatus getFromStatus() {
    return fromStatus;
  }

  public CaseStatus getToStatus() {
    return toStatus;
  }

  public StatusChangeKind getKind() {
    return kind;
  }

  public StaffMember getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }
}
