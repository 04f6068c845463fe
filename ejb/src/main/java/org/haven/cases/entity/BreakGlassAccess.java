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

/**
 * Break-glass: a member of staff read a case outside their scope in an emergency, for a coded
 * purpose and with a written explanation, until {@code expiresAt}. The team's supervisors see every
 * one of these; the explanation is sealed with the survivor's data key.
 */
@Entity
@Table(name = "break_glass_access")
public class BreakGlassAccess {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "break_glass_access_id")
  @SequenceGenerator(
      name = "break_glass_access_id",
      sequenceName = "break_glass_access_id_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  private SurvivorCase survivorCase;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "staff_id", nullable = false, updatable = false)
  private StaffMember staff;

  @Enumerated(EnumType.STRING)
  @Column(name = "purpose", nullable = false, length = 32)
  private BreakGlassPurpose purpose;

  @Protected("breakGlass.explanation")
  @Column(name = "explanation")
  private byte[] explanation;

  @Column(name = "granted_at", nullable = false, updatable = false)
  private Instant grantedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected BreakGlassAccess() {}

  public BreakGlassAccess(
      SurvivorCase survivorCase,
      StaffMember staff,
      BreakGlassPurpose purpose,
      Instant at,
      Instant expiresAt) {
    this.survivorCase = survivorCase;
    this.staff = staff;
    this.purpose = purpose;
    this.grantedAt = at.truncatedTo(ChronoUnit.MICROS);
    this.expiresAt = expiresAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** Seals the written explanation, bound to this grant (its id is known once persisted). */
  public void explain(FieldCipher cipher, String text) {
    explanation = cipher.seal(survivorCase.getCaseNumber(), field(), text);
  }

  public String explanation(FieldCipher cipher) {
    return cipher.open(survivorCase.getCaseNumber(), field(), explanation);
  }

  /** Erasure: the explanation goes with the survivor's data. */
  public void forget() {
    explanation = null;
  }

  /** Seals the value again with the survivor's new data key (a re-key). */
  public void reseal(Resealing r) {
    explanation = r.reseal(survivorCase.getCaseNumber(), field(), explanation);
  }

  private String field() {
    return "breakGlass." + id + ".explanation";
  }

  public Long getId() {
    return id;
  }

  public SurvivorCase getSurvivorCase() {
    return survivorCase;
  }

  public StaffMember getStaff() {
    return staff;
  }

  public BreakGlassPurpose getPurpose() {
    return purpose;
  }

  public Instant getGrantedAt() {
    return grantedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public boolean isActive(Instant now) {
    return expiresAt.isAfter(now);
  }
}
