package org.haven.cases.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.haven.api.OneOf;
import org.haven.cases.entity.CaseStatus;

/**
 * The body of {@code POST /api/v1/cases/{caseNumber}/transitions}: where to move the case; a reason
 * where the move needs one (returning a closure request, reopening); optionally the {@code version}
 * the client read, so that a move based on a stale copy is refused (409) rather than applied.
 */
public record Transition(
    @NotNull(message = "name the status to move to")
        @Schema(implementation = CaseStatus.class, required = true)
        @OneOf(CaseStatus.class)
        String to,
    @Size(max = 2000, message = "must be at most 2000 characters") String reason,
    Long version) {}
