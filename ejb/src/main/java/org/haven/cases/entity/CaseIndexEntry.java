package org.haven.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** One blind-index value of a case: what exact-match search and the duplicate check compare. */
@Embeddable
public class CaseIndexEntry {

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 16)
  private SearchIndex kind;

  @Column(name = "digest", nullable = false, length = 32)
  private String digest;

  protected CaseIndexEntry() {}

  public CaseIndexEntry(SearchIndex kind, String digest) {
    this.kind = Objects.requireNonNull(kind);
    this.digest = Objects.requireNonNull(digest);
  }

  public SearchIndex getKind() {
    return kind;
  }

  public String getDigest() {
    return digest;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaseIndexEntry other && kind == other.kind && digest.equals(other.digest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, digest);
  }
}
