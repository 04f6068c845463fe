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
import java.time.temporal.ChronoUnit;
import org.haven.access.entity.StaffMember;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.Resealing;
import org.haven.crypto.entity.Protected;

/**
 * A case note: dated, authored, protected text, never edited (there is no method to). A correction
 * is a new note that names the note it corrects.
 */
@Entity
@Table(name = "case_note")
public class CaseNote {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_note_id")
  @SequenceGenerator(name = "case_note_id", sequenceName = "case_note_id_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  private SurvivorCase survivorCase;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "author_id", nullable = false, updatable = false)
  private StaffMember author;

  @Column(name = "written_at", nullable = false, updatable = false)
  private Instant writtenAt;

  @Protected("note.text")
  // Written once, right after persist (the associated data names the note's id); never edited.
  @Column(name = "text")
  private byte[] text;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "corrects_id", updatable = false)
  private CaseNote corrects;

  protected CaseNote() {}

  public CaseNote(SurvivorCase survivorCase, StaffMember author, Instant at, CaseNote corrects) {
    this.survivorCase = survivorCase;
    this.author = author;
    this.writtenAt = at.truncatedTo(ChronoUnit.MICROS);
    this.corrects = corrects;
  }

  /** Seals the text; called once, after persist gave the note its id and before the insert. */
  public void write(FieldCipher cipher, String value) {
    text = cipher.seal(survivorCase.getCaseNumber(), field(), value);
  }

  public String text(FieldCipher cipher) {
    return cipher.open(survivorCase.getCaseNumber(), field(), text);
  }

  /** Erasure: the text goes with the survivor's data; the note's date and author stay. */
  public void forget() {
    text = null;
  }

  /** Seals the value again with the survivor's new data key (a re-key). */
  public void reseal(Resealing r) {
    text = r.reseal(survivorCase.getCaseNumber(), field(), text);
  }

  private String field() {
    return "note." + id + ".text";
  }

  public Long getId() {
    return id;
  }

  public SurvivorCase getSurvivorCase() {
    return survivorCase;
  }

  public StaffMember getAuthor() {
    return author;
  }

  public Instant getWrittenAt() {
    return writtenAt;
  }

  public CaseNote getCorrects() {
    return corrects;
  }
}
