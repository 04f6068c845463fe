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
 * An action towards a plan goal: what is to be done (protected text), who is responsible, by when.
 */
@Entity
@Table(name = "plan_action")
public class PlanAction {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_action_id")
  @SequenceGenerator(
      name = "plan_action_id",
      sequenceName = "plan_action_id_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "goal_id", nullable = false, updatable = false)
  private PlanGoal goal;

  @Protected("action.text")
  @Column(name = "text")
  private byte[] text;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "responsible_id")
  private StaffMember responsible;

  @Column(name = "due_on")
  private LocalDate dueOn;

  @Column(name = "done_at")
  private Instant doneAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "done_by_id")
  private StaffMember doneBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected PlanAction() {}

  public PlanAction(PlanGoal goal, StaffMember responsible, LocalDate dueOn) {
    this.goal = Objects.requireNonNull(goal);
    this.responsible = responsible;
    this.dueOn = dueOn;
  }

  public void write(FieldCipher cipher, String value) {
    text = cipher.seal(caseNumber(), "action." + id + ".text", value.strip());
  }

  public String text(FieldCipher cipher) {
    return cipher.open(caseNumber(), "action." + id + ".text", text);
  }

  /** Seals the value again with the survivor's new data key (a re-key). */
  public void reseal(Resealing r) {
    text = r.reseal(caseNumber(), "action." + id + ".text", text);
  }

  private String caseNumber() {
    return goal.getSurvivorCase().getCaseNumber();
  }

  public void plan(StaffMember responsible, LocalDate dueOn) {
    this.responsible = responsible;
    this.dueOn = dueOn;
  }

  public void done(StaffMember by, Instant at) {
    if (doneAt == null) {
      doneBy = by;
      doneAt = at.truncatedTo(ChronoUnit.MICROS);
    }
  }

  /** Due before {@code today} and not done. */
  public boolean isOverdue(LocalDate today) {
    return doneAt == null && dueOn != null && dueOn.isBefore(today);
  }

  public void forget() {
    text = null;
  }

  public Long getId() {
    return id;
  }

  public PlanGoal getGoal() {
    return goal;
  }

  public Optional<StaffMember> responsible() {
    return Optional.ofNullable(responsible);
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public Instant getDoneAt() {
    return doneAt;
  }

  public Optional<StaffMember> doneBy() {
    return Optional.ofNullable(doneBy);
  }

  public long getVersion() {
    return version;
  }
}
