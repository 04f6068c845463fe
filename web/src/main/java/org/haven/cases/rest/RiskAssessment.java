package org.haven.cases.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.haven.api.OneOf;
import org.haven.cases.entity.RiskLevel;

/**
 * The body of {@code PUT /api/v1/cases/{caseNumber}/risk}: the risk level now assessed (Haven
 * records who and when), optionally with the {@code version} the client read.
 */
public record RiskAssessment(
    @NotNull(message = "choose a risk level")
        @Schema(implementation = RiskLevel.class, required = true)
        @OneOf(RiskLevel.class)
        String riskLevel,
    Long version) {}
