package org.haven.cases.boundary;

import jakarta.json.bind.annotation.JsonbTransient;
import java.time.Instant;

/** A case note as users in scope read it: text opened, author named. */
public record CaseNoteDetails(
    long id,
    String authorUsername,
    String authorName,
    Instant writtenAt,
    String text,
    Long corrects) {

  // Getters for pages: Expression Language 5 does not read record components.
  @JsonbTransient
  public long getId() {
    return id;
  }

  @JsonbTransient
  public String getAuthorName() {
    return authorName;
  }

  @JsonbTransient
  public Instant getWrittenAt() {
    return writtenAt;
  }

  @JsonbTransient
  public String getText() {
    return text;
  }

  @JsonbTransient
  public Long getCorrects() {
    return corrects;
  }
}
