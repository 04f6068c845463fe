package org.haven.documents.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.access.boundary.AccessPolicy;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseActions;
import org.haven.cases.control.CaseRecords;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.database.control.AfterTransaction;
import org.haven.documents.control.DocumentStore;
import org.haven.documents.control.DocumentTypes;
import org.haven.documents.entity.CaseDocument;
import org.haven.documents.entity.DocumentKind;
import org.haven.problems.Checks;
import org.haven.problems.NotFound;
import org.haven.problems.Refused;

/**
 * The documents of a case file (docs/domain/documents.md): uploaded by the case's caseworker and
 * the team's supervisors, encrypted as they stream in, read by everyone who may read the case
 * (break-glass included, never to upload), deleted with a reason by the team's supervisors. The
 * trail records each by id, kind, type and size, never its title or name.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseDocuments {

  public static final int MAX_TITLE = 200;
  public static final int MAX_FILE_NAME = 255;

  @PersistenceContext EntityManager em;
  @Inject CaseActions actions;
  @Inject CaseRecords records;
  @Inject AccessPolicy access;
  @Inject DocumentStore store;
  @Resource TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "haven.document.max-mb", defaultValue = "25")
  int maxMb;

  /** The largest document kept, in bytes. */
  public long limit() {
    return Math.max(1, maxMb) * 1024L * 1024L;
  }

  /** A document and the stream to read its content from; the caller closes the stream. */
  public record DocumentFile(DocumentDetails details, Supplier<InputStream> content) {}

  /**
   * Stores a document for the case: its type decided from its first bytes (415 if Haven does not
   * take it), its content encrypted on the way to the disk (413, nothing kept, past the limit).
   * Empty if the case is out of scope.
   */
  public Optional<DocumentDetails> upload(
      String caseNumber, DocumentKind kind, String title, String fileName, InputStream content) {
    String cleanTitle =
        title == null || title.isBlank()
            ? null
            : Checks.requireText("title", title, MAX_TITLE, "give a title");
    String cleanName = fileName(fileName);
    return actions.change(
        caseNumber,
        AuditAction.DOCUMENT_UPLOADED,
        (c, trail) -> {
          CaseRecords.refuseIfErased(c);
          byte[] prefix = prefix(content);
          String type = DocumentTypes.detect(prefix);
          if (!DocumentTypes.accepted(type)) {
            throw Refused.unsupportedType(
                "Haven keeps only " + String.join(", ", DocumentTypes.acceptedTypes()) + ".");
          }
          FieldCipher cipher = records.cipherFor(c);
          CaseDocument d =
              new CaseDocument(
                  c, kind == null ? DocumentKind.OTHER : kind, type, access.actor(), Instant.now());
          em.persist(d);
          em.flush();
          d.describe(cipher, cleanTitle, cleanName);
          long size =
              store.write(
                  d.getStorageName(),
                  cipher,
                  d.record(),
                  d.getContentKey(),
                  prefix,
                  content,
                  limit());
          d.stored(size);
          // A rolled-back upload leaves no file: its key never reached the database.
          String name = d.getStorageName();
          AfterTransaction.onEnd(
              transactions,
              status -> {
                if (status != jakarta.transaction.Status.STATUS_COMMITTED) {
                  store.remove(name);
                }
              });
          trail.details(
              "document "
                  + d.getId()
                  + "; kind: "
                  + d.getKind()
                  + "; type: "
                  + type
                  + "; size: "
                  + size);
          return DocumentDetails.of(d, cipher);
        });
  }

  /** The case's documents, newest first. Empty if the case is out of scope. */
  public Optional<List<DocumentDetails>> documents(String caseNumber) {
    return actions.read(
        caseNumber,
        AuditAction.DOCUMENTS_READ,
        (c, trail) -> {
          FieldCipher cipher = records.openerFor(c).orElse(null);
          List<DocumentDetails> all =
              em.createQuery(
                      "select d from CaseDocument d where d.survivorCase = :c and d.deletedAt is null"
                          + " order by d.uploadedAt desc, d.id desc",
                      CaseDocument.class)
                  .setParameter("c", c)
                  .getResultStream()
                  .map(d -> DocumentDetails.of(d, cipher))
                  .toList();
          trail.details("documents: " + all.size());
          return all;
        });
  }

  /** A document's content, as stored. Empty if the case is out of scope; 404 for no such one. */
  public Optional<DocumentFile> content(String caseNumber, long documentId) {
    return actions.read(
        caseNumber,
        AuditAction.DOCUMENT_DOWNLOADED,
        (c, trail) -> {
          CaseDocument d = document(c, documentId);
          FieldCipher cipher =
              records.openerFor(c).orElseThrow(() -> new NotFound("document", documentId));
          if (!d.isReadable()) {
            throw new NotFound("document", documentId);
          }
          byte[] key = d.getContentKey();
          String name = d.getStorageName();
          String record = d.record();
          trail.details(
              "document " + d.getId() + "; kind: " + d.getKind() + "; size: " + d.getSizeBytes());
          return new DocumentFile(
              DocumentDetails.of(d, cipher), () -> store.read(name, cipher, record, key));
        });
  }

  /**
   * Deletes a document: its key is shredded now, its file once that commits. For the supervisors of
   * the case's team, with a reason (kept sealed in the trail's words: never the title).
   */
  public Optional<DocumentDetails> delete(String caseNumber, long documentId, String reason) {
    Checks.requireText("reason", reason, 500, "say why the document is deleted");
    return actions.change(
        caseNumber,
        AuditAction.DOCUMENT_DELETED,
        (c, trail) -> {
          records.requireSupervisorOf(c);
          CaseDocument d = document(c, documentId);
          if (d.getDeletedAt() != null) {
            throw new NotFound("document", documentId);
          }
          DocumentDetails before = DocumentDetails.of(d, null);
          d.delete(access.actor(), Instant.now());
          String name = d.getStorageName();
          AfterTransaction.onCommit(transactions, () -> store.remove(name));
          trail.details(
              "document " + d.getId() + "; kind: " + d.getKind() + "; size: " + d.getSizeBytes());
          return before;
        });
  }

  private CaseDocument document(org.haven.cases.entity.SurvivorCase c, long documentId) {
    return records.partOf(
        c, CaseDocument.class, documentId, CaseDocument::getSurvivorCase, "document");
  }

  /** The first bytes, which decide the type; the rest streams after them. */
  private static byte[] prefix(InputStream content) {
    try {
      return content.readNBytes(DocumentTypes.SNIFF);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the upload", e);
    }
  }

  /**
   * The name the file had on the sender's machine, without its folders or control characters; kept
   * sealed, given back on download.
   */
  static String fileName(String name) {
    if (name == null) {
      return null;
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    base =
        base.codePoints()
            .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .strip();
    if (base.isEmpty()) {
      return null;
    }
    return base.length() > MAX_FILE_NAME ? base.substring(0, MAX_FILE_NAME) : base;
  }
}
