package org.haven.cases.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.haven.api.OneOf;
import org.haven.cases.entity.ErasureReason;

/**
 * The body of {@code POST /api/v1/cases/{caseNumber}/erasure-request} (reason required) and of
 * {@code POST …/erasure} (reason optional when approving a pending request). Coded, so it says
 * nothing about the survivor and outlives the erasure.
 */
public record ErasureRequest(
    @Schema(implementation = ErasureReason.class) @OneOf(ErasureReason.class) String reason) {

  ErasureReason code() {
    return reason == null ? null : ErasureReason.valueOf(reason);
  }
}
