package org.haven.cases.rest;

import jakarta.validation.constraints.Pattern;
import org.haven.api.Dates;

/**
 * The body of {@code POST /api/v1/cases/{caseNumber}/consents/{id}/withdrawal}: the day the
 * survivor withdrew it (today if left out).
 */
public record ConsentWithdrawal(
    @Pattern(regexp = Dates.DATE, message = Dates.MESSAGE) String withdrawnOn) {}
