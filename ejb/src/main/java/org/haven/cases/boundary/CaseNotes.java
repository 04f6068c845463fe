package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.haven.access.boundary.AccessPolicy;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseActions;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.entity.CaseNote;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.problems.InvalidField;

/** A case's notes: append-only, sealed, a correction naming the note it corrects. */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseNotes {

  public static final int MAX_TEXT = CaseRegistration.MAX_NARRATIVE;

  @PersistenceContext EntityManager em;

  @Inject AccessPolicy access;
  @Inject CaseActions actions;
  @Inject CaseRecords records;

  /**
   * Adds a note to a case: append-only; a correction names the note it corrects (of the same case).
   * Empty if the case is out of scope.
   */
  public Optional<CaseNoteDetails> addNote(
      String caseNumber,
      @NotNull(message = "write the note")
          @Size(min = 1, max = MAX_TEXT, message = "must be 1 to 20000 characters")
          String text,
      Long corrects) {
    return actions.change(
        caseNumber,
        AuditAction.NOTE_ADDED,
        (c, trail) -> {
          CaseRecords.refuseIfErased(c);
          if (text.isBlank()) {
            throw new InvalidField("text", "write the note");
          }
          FieldCipher cipher = records.cipherFor(c);
          CaseNote corrected = null;
          if (corrects != null) {
            corrected = em.find(CaseNote.class, corrects);
            if (corrected == null || !corrected.getSurvivorCase().equals(c)) {
              throw new InvalidField("corrects", "must be the id of a note of this case");
            }
          }
          CaseNote note = new CaseNote(c, access.actor(), Instant.now(), corrected);
          em.persist(note);
          note.write(cipher, text);
          em.flush();
          trail.details(
              "note "
                  + note.getId()
                  + (corrected == null ? "" : "; corrects note " + corrected.getId()));
          return details(note, cipher);
        });
  }

  /** The notes of a case, oldest first. Empty if out of scope. */
  public Optional<List<CaseNoteDetails>> notes(String caseNumber) {
    return actions.read(
        caseNumber,
        AuditAction.NOTES_READ,
        (c, trail) -> {
          List<CaseNoteDetails> notes =
              records
                  .openerFor(c)
                  .map(
                      cipher ->
                          em.createQuery(
                                  "select n from CaseNote n where n.survivorCase = :c"
                                      + " order by n.writtenAt, n.id",
                                  CaseNote.class)
                              .setParameter("c", c)
                              .getResultStream()
                              .map(n -> details(n, cipher))
                              .toList())
                  .orElse(List.of());
          trail.details("notes: " + notes.size());
          return notes;
        });
  }

  private static CaseNoteDetails details(CaseNote n, FieldCipher cipher) {
    return new CaseNoteDetails(
        n.getId(),
        n.getAuthor().getUsername(),
        n.getAuthor().getDisplayName(),
        n.getWrittenAt(),
        n.text(cipher),
        n.getCorrects() == null ? null : n.getCorrects().getId());
  }
}
