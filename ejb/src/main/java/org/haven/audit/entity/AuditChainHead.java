package org.haven.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last event of the chain: locked by every append, so events chain in commit order. */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

  public static final int ID = 1;

  @Id
  @Column(name = "id")
  private int id;

  @Column(name = "last_event_id", nullable = false)
  private long lastEventId;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  protected AuditChainHead() {}

  public long getLastEventId() {
    return lastEventId;
  }

  public String getLastHash() {
    return lastHash;
  }

  public void advance(AuditEvent event) {
    this.lastEventId = event.getId();
    this.lastHash = event.getHash();
  }
}
