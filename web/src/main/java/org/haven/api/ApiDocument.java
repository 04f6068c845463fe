package org.haven.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Shapes the OpenAPI document WildFly serves at {@code /openapi}: what Haven is, how callers
 * authenticate (a Keycloak bearer token), and what the resources' signatures cannot say: every
 * operation may answer with an RFC 9457 problem ({@link Problem}, {@code application/problem+json})
 * — 400 naming fields, 401, 403, 404, 409 naming allowed moves, 413, 415 — and the {@code
 * X-Request-Id} every answer carries. Registered by {@code mp.openapi.filter}.
 */
public class ApiDocument implements OASFilter {

  private static final String BEARER = "keycloak";

  /**
   * Where the API's guide is published ({@code HAVEN_API_DOCS_URL}); by default a name for the
   * guide in Haven's source ({@code docs/api}), since a document's link must be an absolute URI.
   */
  private static final String DOCS =
      org.eclipse.microprofile.config.ConfigProvider.getConfig()
          .getOptionalValue("haven.api.docs-url", String.class)
          .orElse("urn:haven:docs:api");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    // Set here, not by annotation: WildFly's host model copies the deployment's license and
    // external documentation, and without them serves empty objects that make the document invalid.
    openAPI.setExternalDocs(
        OASFactory.createExternalDocumentation()
            .description(
                "How to authenticate, the conventions and examples: docs/api in Haven's source")
            .url(DOCS));
    openAPI.setInfo(
        OASFactory.createInfo()
            .title("Haven")
            .version("1")
            .license(
                OASFactory.createLicense()
                    .name("Apache-2.0")
                    .url("https://www.apache.org/licenses/LICENSE-2.0"))
            .description(
                "Case management for organisations that protect survivors of human trafficking."
                    + " Every call needs a Keycloak access token (Authorization: Bearer …); what"
                    + " a caller sees is limited by role and team. Errors are"
                    + " application/problem+json."));
    openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI.getComponents().addSchema("Problem", problemSchema());
    openAPI
        .getComponents()
        .addSecurityScheme(
            BEARER,
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token from Haven's Keycloak realm"));
    if (openAPI.getPaths() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations().forEach((method, op) -> addProblems(path, method, op)));
    openAPI.setTags(
        TAGS.entrySet().stream()
            .map(t -> OASFactory.createTag().name(t.getKey()).description(t.getValue()))
            .toList());
  }

  /**
   * A reference is the whole schema: a coded field declared as its enum ({@code @Schema(
   * implementation = RiskLevel.class)} on a {@code String}) must not also claim to be an object.
   */
  @Override
  public Schema filterSchema(Schema schema) {
    if (schema.getRef() != null && schema.getType() != null) {
      schema.setType(null);
    }
    return schema;
  }

  /** The features' tags, in the order a reader meets them. */
  private static final Map<String, String> TAGS = tags();

  private static Map<String, String> tags() {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    tags.put("cases", "Survivor cases and everything recorded on them");
    tags.put("documents", "Documents and photos in the case file, encrypted");
    tags.put("referrals", "Referrals of survivors to providers");
    tags.put("services", "The service catalogue and the provider directory");
    tags.put("notifications", "What the signed-in user is told");
    tags.put("reports", "Counts of cases and the CTDC export, small numbers withheld");
    tags.put("audit", "The audit trail: search, export, verification");
    tags.put("staff", "Users, roles and teams (administrators)");
    tags.put("keys", "The key-encryption key and its rotation (administrators)");
    return tags;
  }

  /**
   * The problems an operation can answer with, by what it takes: every call may be refused (401,
   * 403); a path naming a record may find none in the caller's scope (404); parameters and bodies
   * may be invalid (400), bodies too large (413) or not JSON (415); a change may conflict (409).
   */
  private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
    Map<String, String> problems = new java.util.TreeMap<>();
    problems.put("401", "No token, or an expired or invalid one");
    problems.put("403", "The caller's role does not allow this");
    boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
    if (path.contains("{")) {
      problems.put("404", "No such record in the caller's scope");
    }
    if (parameters || operation.getRequestBody() != null) {
      problems.put("400", "Invalid fields or parameters; errors names them");
    }
    if (operation.getRequestBody() != null) {
      problems.put("413", "The body is larger than 1 MiB");
      problems.put("415", "The body is not application/json");
    }
    if (method != PathItem.HttpMethod.GET) {
      problems.put("409", "A conflicting edit or an illegal move (allowed names the legal ones)");
    }
    problems.forEach(
        (status, description) -> {
          if (operation.getResponses().getAPIResponse(status) == null) {
            operation
                .getResponses()
                .addAPIResponse(
                    status,
                    OASFactory.createAPIResponse()
                        .description(description)
                        .content(
                            OASFactory.createContent()
                                .addMediaType(
                                    Problem.MEDIA_TYPE,
                                    OASFactory.createMediaType()
                                        .schema(
                                            OASFactory.createSchema()
                                                .ref("#/components/schemas/Problem")))));
          }
        });
  }

  private static Schema problemSchema() {
    Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    Schema fieldError =
        OASFactory.createSchema()
            .addType(Schema.SchemaType.OBJECT)
            .properties(Map.of("field", string, "pointer", string, "detail", string));
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description("RFC 9457 problem details")
        .required(List.of("type", "title", "status"))
        .properties(
            Map.of(
                "type", string,
                "title", string,
                "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                "detail", string,
                "instance", string,
                "errors",
                    OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError),
                "allowed",
                    OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(string)));
  }
}
