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
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.haven.access.entity.StaffMember;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.Resealing;
import org.haven.crypto.entity.Protected;

/** A goal of a survivor's case plan ("safe housing within a month"): protected text. */
@Entity
@Table(name = "plan_goal")
public class PlanGoal {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_goal_id")
  @SequenceGenerator(name = "plan_goal_id", sequenceName = "plan_goal_id_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  private SurvivorCase survivorCase;

  @Protected("goal.text")
  @Column(name = "text")
  private byte[] text;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private GoalStatus status = GoalStatus.OPEN;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "created_by_id", nullable = false, updatable = false)
  private StaffMember createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected PlanGoal() {}

  public PlanGoal(SurvivorCase survivorCase, StaffMember createdBy, Instant at) {
    this.survivorCase = Objects.requireNonNull(survivorCase);
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  /** Seals the goal's words; after persist, since the associated data names the goal's id. */
  /** Seals the value again with the survivor's new data key (a re-key). */
  public void reseal(Resealing r) {
    text = r.reseal(survivorCase.getCaseNumber(), "goal." + id + ".text", text);
  }

  public void write(FieldCipher cipher, String value) {
    text = cipher.seal(survivorCase.getCaseNumber(), "goal." + id + ".text", value.strip());
  }

  public String text(FieldCipher cipher) {
    return cipher.open(survivorCase.getCaseNumber(), "goal." + id + ".text", text);
  }

  public void setStatus(GoalStatus status) {
    this.status = Objects.requireNonNull(status);
  }

  public void forget() {
    text = null;
  }

  public Long getId() {
    return id;
  }

  public SurvivorCase getSurvivorCase() {
    return survivorCase;
  }

  public GoalStatus getStatus() {
    return status;
  }

  public StaffMember getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version;
  }
}
