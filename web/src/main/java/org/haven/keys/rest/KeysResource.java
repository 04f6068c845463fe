package org.haven.keys.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.keys.boundary.KeyManagement;
import org.haven.keys.boundary.KeyManagement.KeyStatus;

/**
 * The key-encryption key for administrators: {@code GET /api/v1/admin/keys} shows its source, its
 * keys (ids and status only) and the rotation's progress; {@code POST /api/v1/admin/keys/rotation}
 * starts a rotation (202; follow it with GET).
 */
@Tag(name = "keys")
@Path("admin/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AccessPolicy.ADMIN)
public class KeysResource {

  @Inject KeyManagement keys;

  @Operation(
      operationId = "getKeyStatus",
      summary = "The key-encryption keys and the rotation in progress")
  @GET
  public KeyStatus status() {
    return keys.status();
  }

  @Operation(operationId = "rotateKeys", summary = "Start a rotation of the key-encryption key")
  @POST
  @Path("rotation")
  @APIResponse(
      responseCode = "202",
      description = "The rotation started; GET /admin/keys shows its progress",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = KeyStatus.class)))
  public Response rotate() {
    return Response.accepted(keys.rotate()).build();
  }
}
