package org.haven.cases.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/cases/{caseNumber}/assignee}: who works on the case now. */
public record CaseReassignment(
    @NotBlank(message = "name the caseworker by user name") @Size(max = 255) String caseworker) {}
