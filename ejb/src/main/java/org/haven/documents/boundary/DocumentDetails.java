package org.haven.documents.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.documents.entity.CaseDocument;
import org.haven.documents.entity.DocumentKind;

/** A document of the case file as staff in scope read it; never its content. */
@JsonbPropertyOrder({
  "id",
  "kind",
  "title",
  "fileName",
  "contentType",
  "size",
  "uploadedBy",
  "uploadedAt",
  "version"
})
public record DocumentDetails(
    long id,
    DocumentKind kind,
    String title,
    String fileName,
    String contentType,
    long size,
    String uploadedBy,
    Instant uploadedAt,
    long version) {

  static DocumentDetails of(CaseDocument d, FieldCipher cipher) {
    return new DocumentDetails(
        d.getId(),
        d.getKind(),
        cipher == null ? null : d.title(cipher),
        cipher == null ? null : d.fileName(cipher),
        d.getContentType(),
        d.getSizeBytes(),
        d.getUploadedBy().getUsername(),
        d.getUploadedAt(),
        d.getVersion());
  }
}
