package org.haven.keys.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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
 * starts a rotation (202; follow it with GET); {@code DELETE /api/v1/admin/keys/retired} destroys
 * the keys a finished rotation retired; {@code POST /api/v1/admin/keys/rekey} starts a re-key
 * (202).
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

  @Operation(
      operationId = "rekey",
      summary = "Start a re-key: new data keys for every survivor, new index and audit chain keys",
      description =
          "For when a data, index or audit key may have leaked. Runs in the background (follow"
              + " `rekey` in GET /admin/keys); searches find every case meanwhile; earlier audit"
              + " events stay verifiable under their own key. Resumes after a restart.")
  @POST
  @Path("rekey")
  @APIResponse(
      responseCode = "202",
      description = "The re-key started (or resumed); GET /admin/keys shows its progress",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = KeyStatus.class)))
  @APIResponse(responseCode = "409", description = "A re-key or a key rotation is running")
  public Response rekey() {
    return Response.accepted(keys.rekey()).build();
  }

  @Operation(
      operationId = "destroyRetiredKeys",
      summary = "Destroy the key-encryption keys a finished rotation retired",
      description =
          "Removes their material from the key file. Database backups from before the rotation"
              + " cannot be read with the key file afterwards; keep a copy of the old file apart"
              + " if they must stay readable.")
  @DELETE
  @Path("retired")
  @APIResponse(
      responseCode = "200",
      description = "The keys left; `retired` is empty (also when nothing was retired)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = KeyStatus.class)))
  @APIResponse(
      responseCode = "409",
      description = "A rotation runs, or stored keys still wait for rewrapping")
  public KeyStatus destroyRetired() {
    return keys.destroyRetiredKeys();
  }
}
