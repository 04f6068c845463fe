package org.haven.documents.entity;

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
import java.util.UUID;
import org.haven.access.entity.StaffMember;
import org.haven.cases.entity.SurvivorCase;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.Resealing;
import org.haven.crypto.entity.Protected;

/**
 * A document of the case file: its kind, sealed title and file name, the type decided from its
 * bytes, its size, and the key of its content (sealed by the survivor's data key). The content is a
 * file named {@link #getStorageName()} that names nothing of the survivor. Deleting one shreds its
 * key and its file; the row stays as the trail's reference.
 */
@Entity
@Table(name = "case_document")
public class CaseDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_document_id")
  @SequenceGenerator(
      name = "case_document_id",
      sequenceName = "case_document_id_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  private SurvivorCase survivorCase;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 16)
  private DocumentKind kind;

  @Protected("document.title")
  @Column(name = "title")
  private byte[] title;

  @Protected("document.fileName")
  @Column(name = "file_name")
  private byte[] fileName;

  @Column(name = "content_type", nullable = false, length = 100)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Protected("document.contentKey")
  @Column(name = "content_key")
  private byte[] contentKey;

  @Column(name = "storage_name", nullable = false, updatable = false, length = 64)
  private String storageName;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "uploaded_by_id", nullable = false, updatable = false)
  private StaffMember uploadedBy;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "deleted_by_id")
  private StaffMember deletedBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected CaseDocument() {}

  public CaseDocument(
      SurvivorCase survivorCase,
      DocumentKind kind,
      String contentType,
      StaffMember uploadedBy,
      Instant at) {
    this.survivorCase = Objects.requireNonNull(survivorCase);
    this.kind = Objects.requireNonNull(kind);
    this.contentType = Objects.requireNonNull(contentType);
    this.uploadedBy = Objects.requireNonNull(uploadedBy);
    this.uploadedAt = at.truncatedTo(ChronoUnit.MICROS);
    this.storageName = UUID.randomUUID().toString();
  }

  /** What the content's encryption and the sealed fields are bound to; after persist. */
  public String record() {
    return "document:" + id;
  }

  /** Seals the title and file name and makes the content's key; after persist. */
  public void describe(FieldCipher cipher, String titleText, String fileNameText) {
    title = cipher.seal(record(), "title", titleText);
    fileName = cipher.seal(record(), "fileName", fileNameText);
    contentKey = cipher.newStreamKey(record());
  }

  public void stored(long bytes) {
    this.sizeBytes = bytes;
  }

  public String title(FieldCipher cipher) {
    return cipher.open(record(), "title", title);
  }

  public String fileName(FieldCipher cipher) {
    return cipher.open(record(), "fileName", fileName);
  }

  public byte[] getContentKey() {
    return contentKey;
  }

  /** Shreds the content's key and the sealed words; the file goes once this commits. */
  public void delete(StaffMember by, Instant at) {
    deletedAt = at.truncatedTo(ChronoUnit.MICROS);
    deletedBy = by;
    forget();
  }

  /** The survivor's data was erased: nothing of this document can be opened again. */
  public void forget() {
    title = null;
    fileName = null;
    contentKey = null;
  }

  public boolean isReadable() {
    return deletedAt == null && contentKey != null;
  }

  /** A re-key of the survivor's data key seals the title, name and content key anew. */
  public void reseal(Resealing r) {
    title = r.reseal(record(), "title", title);
    fileName = r.reseal(record(), "fileName", fileName);
    contentKey = r.reseal(record(), "contentKey", contentKey);
  }

  public Long getId() {
    return id;
  }

  public SurvivorCase getSurvivorCase() {
    return survivorCase;
  }

  public DocumentKind getKind() {
    return kind;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getStorageName() {
    return storageName;
  }

  public StaffMember getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public Instant getDeletedAt() {
    return deletedAt;
  }

  public long getVersion() {
    return version;
  }
}
