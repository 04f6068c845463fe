package org.haven.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * An event written but not yet linked into the chain: the sequencer's queue, written in the
 * transaction of the event itself, so it commits (or not) with it. The sequencer removes the entry
 * when it links the event.
 */
@Entity
@Immutable
@Table(name = "audit_pending")
public class PendingEvent {

  @Id
  @Column(name = "event_id")
  private long eventId;

  protected PendingEvent() {}

  public PendingEvent(long eventId) {
    this.eventId = eventId;
  }

  public long getEventId() {
    return eventId;
  }
}
