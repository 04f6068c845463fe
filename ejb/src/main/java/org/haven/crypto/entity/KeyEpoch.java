package org.haven.crypto.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A re-key: from its start every new key (survivors' data keys, blind-index keys, the audit chain
 * key) belongs to this epoch, and the keys of earlier epochs are replaced until none is left. Epoch
 * 0, the keys made before any re-key, has no row.
 */
@Entity
@Table(name = "key_epoch")
public class KeyEpoch {

  /** Whether the epoch's re-key still replaces keys, or is done. */
  public enum State {
    RUNNING,
    DONE
  }

  @Id
  @Column(name = "epoch")
  private int epoch;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private State state;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "started_by", length = 255, updatable = false)
  private String startedBy;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected KeyEpoch() {}

  public KeyEpoch(int epoch, String startedBy) {
    this.epoch = epoch;
    this.state = State.RUNNING;
    this.startedBy = startedBy;
    this.startedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  public void finish() {
    state = State.DONE;
    finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  public int getEpoch() {
    return epoch;
  }

  public State getState() {
    return state;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
