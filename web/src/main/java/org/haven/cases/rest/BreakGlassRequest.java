package org.haven.cases.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.haven.api.OneOf;
import org.haven.cases.entity.BreakGlassPurpose;

/**
 * The body of {@code POST /api/v1/cases/{caseNumber}/break-glass}: a coded purpose (recorded in the
 * audit trail) and a written explanation (protected; the team's supervisors read it).
 */
public record BreakGlassRequest(
    @NotNull(message = "choose the purpose")
        @Schema(implementation = BreakGlassPurpose.class, required = true)
        @OneOf(BreakGlassPurpose.class)
        String purpose,
    @NotNull(message = "explain in writing why you need this case now")
        @Size(min = 20, max = 2000, message = "explain in 20 to 2000 characters")
        String explanation) {}
