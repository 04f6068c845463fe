package org.haven.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.haven.access.entity.StaffMember;

/**
 * One period during which a caseworker was responsible for a case. Ended, never deleted: the
 * history says who could see the survivor's file when.
 */
@Entity
@Table(name = "case_assignment")
public class CaseAssignment {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_assignment_id")
  @SequenceGenerator(
      name = "case_assignment_id",
      sequenceName = "case_assignment_id_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  private SurvivorCase survivorCase;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "caseworker_id", nullable = false, updatable = false)
  private StaffMember caseworker;

  /** Who made the assignment; empty for cases Haven assigned itself (demo data). */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "assigned_by_id", updatable = false)
  private StaffMember assignedBy;

  @Column(name = "assigned_at", nullable = false, updatable = false)
  private Instant assignedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  protected CaseAssignment() {}

  CaseAssignment(
      SurvivorCase survivorCase, StaffMember caseworker, StaffMember assignedBy, Instant at) {
    this.survivorCase = survivorCase;
    this.caseworker = caseworker;
    this.assignedBy = assignedBy;
    this.assignedAt = at;
  }

  void end(Instant at) {
    this.endedAt = at;
  }

  public boolean isCurrent() {
    return endedAt == null;
  }

  public StaffMember getCaseworker() {
    return caseworker;
  }

  public StaffMember getAssignedBy() {
    return assignedBy;
  }

  public Instant getAssignedAt() {
    return assignedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }
}
