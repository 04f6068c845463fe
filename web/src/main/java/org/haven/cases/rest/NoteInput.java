package org.haven.cases.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/cases/{caseNumber}/notes}: the text (protected) and, for a
 * correction, the id of the note it corrects. Notes are never edited.
 */
public record NoteInput(
    @NotBlank(message = "write the note")
        @Size(max = 20_000, message = "must be at most 20000 characters")
        String text,
    Long corrects) {}
