package org.haven.cases.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.haven.api.Dates;
import org.haven.api.OneOf;
import org.haven.cases.entity.ConsentMethod;
import org.haven.cases.entity.ConsentType;
import org.haven.cases.entity.SharedField;

/**
 * The body of {@code POST /api/v1/cases/{caseNumber}/consents}: what the survivor consents to
 * ({@code SERVICES}, {@code DATA_SHARING} — with a recipient and purpose —, {@code STATISTICS}),
 * how it was obtained, and the day it was given. A data-sharing consent may name the provider of
 * the directory ({@code providerId}) and the service ({@code serviceType}) it covers: a referral
 * that shares data needs such a consent, in force, for its provider and service.
 */
public record ConsentInput(
    @NotNull(message = "choose what the survivor consents to")
        @Schema(implementation = ConsentType.class, required = true)
        @OneOf(ConsentType.class)
        String type,
    @Size(max = 500, message = "must be at most 500 characters") String recipient,
    @Size(max = 500, message = "must be at most 500 characters") String purpose,
    Long providerId,
    @Size(max = 40, message = "must be a service type code") String serviceType,
    @Size(max = 20, message = "too many fields")
        @Schema(type = SchemaType.ARRAY, implementation = SharedField.class)
        List<@OneOf(SharedField.class) String> sharedFields,
    @NotNull(message = "say how the consent was obtained")
        @Schema(implementation = ConsentMethod.class, required = true)
        @OneOf(ConsentMethod.class)
        String howObtained,
    @NotNull(message = "give the date the consent was given")
        @Pattern(regexp = Dates.DATE, message = Dates.MESSAGE)
        String givenOn) {}
