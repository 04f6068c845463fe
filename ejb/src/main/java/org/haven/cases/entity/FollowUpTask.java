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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.haven.access.entity.StaffMember;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.Resealing;
import org.haven.crypto.entity.Protected;

/**
 * A follow-up on a case with a due date: entered by hand (its title is protected text) or generated
 * by Haven ({@link TaskKind}, whose name is the title). Nobody deletes a task: it is done or
 * cancelled, and stays listed.
 */
@Entity
@Table(name = "follow_up_task")
public class FollowUpTask {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "follow_up_task_id")
  @SequenceGenerator(
      name = "follow_up_task_id",
      sequenceName = "follow_up_task_id_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  private SurvivorCase survivorCase;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false, length = 16)
  private TaskKind kind;

  @Protected("task.title")
  @Column(name = "title")
  private byte[] title;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  /** Who should do it; empty means whoever holds the case. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "assignee_id")
  private StaffMember assignee;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private TaskStatus status = TaskStatus.OPEN;

  /** Empty for a generated task. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "created_by_id", updatable = false)
  private StaffMember createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  /** Empty when Haven closed a generated task because the case got there. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "closed_by_id")
  private StaffMember closedBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected FollowUpTask() {}

  public FollowUpTask(
      SurvivorCase survivorCase,
      TaskKind kind,
      LocalDate dueOn,
      StaffMember assignee,
      StaffMember createdBy,
      Instant at) {
    this.survivorCase = Objects.requireNonNull(survivorCase);
    this.kind = Objects.requireNonNull(kind);
    this.dueOn = Objects.requireNonNull(dueOn);
    this.assignee = assignee;
    this.createdBy = createdBy;
    this.createdAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  /** Seals a hand-written title; after persist, since the associated data names the task's id. */
  public void write(FieldCipher cipher, String value) {
    title = cipher.seal(survivorCase.getCaseNumber(), field(), value.strip());
  }

  /** The hand-written title; null for a generated task. */
  public String title(FieldCipher cipher) {
    return cipher.open(survivorCase.getCaseNumber(), field(), title);
  }

  /** Seals the value again with the survivor's new data key (a re-key). */
  public void reseal(Resealing r) {
    title = r.reseal(survivorCase.getCaseNumber(), field(), title);
  }

  private String field() {
    return "task." + id + ".title";
  }

  public void close(TaskStatus outcome, StaffMember by, Instant at) {
    if (outcome == TaskStatus.OPEN) {
      throw new IllegalArgumentException("a task is closed as done or cancelled");
    }
    if (status != TaskStatus.OPEN) {
      throw new IllegalStateException("task " + id + " is already " + status);
    }
    status = outcome;
    closedBy = by;
    closedAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  public void reschedule(LocalDate dueOn, StaffMember assignee) {
    this.dueOn = Objects.requireNonNull(dueOn);
    this.assignee = assignee;
  }

  /** Open and due before {@code today}. */
  public boolean isOverdue(LocalDate today) {
    return status == TaskStatus.OPEN && dueOn.isBefore(today);
  }

  public void forget() {
    title = null;
  }

  public Long getId() {
    return id;
  }

  public SurvivorCase getSurvivorCase() {
    return survivorCase;
  }

  public TaskKind getKind() {
    return kind;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public Optional<StaffMember> assignee() {
    return Optional.ofNullable(assignee);
  }

  public TaskStatus getStatus() {
    return status;
  }

  public Optional<StaffMember> createdBy() {
    return Optional.ofNullable(createdBy);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public Optional<StaffMember> closedBy() {
    return Optional.ofNullable(closedBy);
  }

  public long getVersion() {
    return version;
  }
}
