package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.api.Dates;
import org.haven.api.OneOf;
import org.haven.cases.boundary.CaseQueries;
import org.haven.cases.boundary.CaseSearch;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.RiskLevel;
import org.haven.paging.PageRequest;

/**
 * {@code POST /api/v1/cases/search}: the search of {@code GET /cases} with the criteria in the
 * body, so that a survivor's name, birth date, phone or document number never appears in a URL, and
 * so in no access log of Haven's TLS proxy or browser history. Answers exactly like {@code GET
 * /cases}.
 */
@Tag(name = "cases")
@Path("cases/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseSearchResource {

  @Inject CaseQueries caseQueries;

  /** The criteria of a search; all optional, several must all match. */
  public record Criteria(
      @Size(max = 200, message = "must be at most 200 characters") String name,
      @Pattern(regexp = Dates.DATE, message = Dates.MESSAGE) String birthDate,
      @Size(max = 32, message = "must be at most 32 characters") String phone,
      @Size(max = 64, message = "must be at most 64 characters") String documentNumber,
      @Schema(implementation = CaseStatus.class) @OneOf(CaseStatus.class) String status,
      @Schema(implementation = RiskLevel.class) @OneOf(RiskLevel.class) String riskLevel,
      @Size(max = 200, message = "must be at most 200 characters") String assignee,
      @Schema(implementation = ExploitationType.class) @OneOf(ExploitationType.class)
          String exploitationType,
      @Min(value = 0, message = "must be between 0 and 1000000")
          @Max(value = PageRequest.MAX_PAGE, message = "must be between 0 and 1000000")
          Integer page,
      @Min(value = 1, message = "must be between 1 and 100")
          @Max(value = PageRequest.MAX_SIZE, message = "must be between 1 and 100")
          Integer size,
      @Pattern(
              regexp = "-?(caseNumber|status|riskLevel|createdAt|updatedAt)",
              message =
                  "must be one of caseNumber, status, riskLevel, createdAt, updatedAt,"
                      + " optionally prefixed with - for descending")
          String sort) {}

  @Operation(
      operationId = "searchCases",
      summary = "Search cases, the criteria in the body (recommended for names and numbers)")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseList search(
      @NotNull(message = "send the criteria as a JSON object") @Valid Criteria criteria) {
    return CasesResource.search(
        caseQueries,
        criteria.page() == null ? 0 : criteria.page(),
        criteria.size() == null ? PageRequest.DEFAULT_SIZE : criteria.size(),
        criteria.sort(),
        new CaseSearch(
            criteria.name(),
            Dates.parse("birthDate", criteria.birthDate()),
            criteria.phone(),
            criteria.documentNumber()),
        criteria.status(),
        criteria.riskLevel(),
        criteria.assignee(),
        criteria.exploitationType());
  }
}
