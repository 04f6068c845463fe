package org.haven.cases.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/cases/{caseNumber}/return}: why the supervisor sends it back. */
public record ReturnDecision(
    @NotBlank(message = "give a reason")
        @Size(max = 2000, message = "must be at most 2000 characters")
        String reason) {}
