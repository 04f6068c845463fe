package org.haven.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
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

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    // Set here, not by annotation: the annotation leaves empty contact, license and
    // externalDocs objects, which make the document invalid.
    openAPI.setExternalDocs(null);
    openAPI.setInfo(
        OASFactory.createInfo()
            .title("Haven")
            .version("1")
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
        .values()
        .forEach(item -> item.getOperations().values().forEach(ApiDocument::addProblems));
  }

  private static void addProblems(Operation operation) {
    if (operation.getResponses().getDefaultValue() != null) {
      return;
    }
    operation
        .getResponses()
        .setDefaultValue(
            OASFactory.createAPIResponse()
                .description(
                    "A problem: 400 invalid fields (errors), 401 no or expired token, 403 the role"
                        + " does not allow it, 404 no such case in the caller's scope, 409 a"
                        + " conflicting edit or an illegal move (allowed), 413, 415.")
                .content(
                    OASFactory.createContent()
                        .addMediaType(
                            Problem.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                .schema(
                                    OASFactory.createSchema()
                                        .ref("#/components/schemas/Problem")))));
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
