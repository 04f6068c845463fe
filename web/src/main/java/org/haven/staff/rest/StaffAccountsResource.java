package org.haven.staff.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.staff.boundary.AccessManagement;
import org.haven.staff.boundary.StaffAccount;

/** Administrators manage access: {@code /api/v1/admin/users}. */
@Tag(name = "staff")
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AccessPolicy.ADMIN)
public class StaffAccountsResource {

  @Inject AccessManagement access;

  @Operation(operationId = "listUsers", summary = "List Haven's users with their roles and teams")
  @GET
  public List<StaffAccount> users() {
    return access.users();
  }

  @Operation(operationId = "getUser", summary = "Read one user")
  @GET
  @Path("{username}")
  public StaffAccount user(@PathParam("username") String username) {
    return found(access.user(username));
  }

  @Operation(operationId = "grantRole", summary = "Give a user a role")
  @PUT
  @Path("{username}/roles/{role}")
  public StaffAccount grant(
      @PathParam("username") String username, @PathParam("role") String role) {
    return found(access.grantRole(username, role));
  }

  @Operation(operationId = "revokeRole", summary = "Take a role from a user")
  @DELETE
  @Path("{username}/roles/{role}")
  public StaffAccount revoke(
      @PathParam("username") String username, @PathParam("role") String role) {
    return found(access.revokeRole(username, role));
  }

  /** Moves the user into a team; {@code {"team":null}} takes them out of every team. */
  @Operation(operationId = "moveUserToTeam", summary = "Move a user to a team")
  @PUT
  @Path("{username}/team")
  @Consumes(MediaType.APPLICATION_JSON)
  public StaffAccount team(
      @PathParam("username") String username,
      @NotNull(message = "send {\"team\": …}") @Valid TeamMembership membership) {
    return found(access.moveToTeam(username, membership.team()));
  }

  @Operation(operationId = "setUserEnabled", summary = "Enable or disable a user")
  @PUT
  @Path("{username}/enabled")
  @Consumes(MediaType.APPLICATION_JSON)
  public StaffAccount enabled(
      @PathParam("username") String username,
      @NotNull(message = "send {\"enabled\": true|false}") @Valid AccountState state) {
    return found(access.setEnabled(username, state.enabled()));
  }

  private static StaffAccount found(Optional<StaffAccount> account) {
    return account.orElseThrow(() -> new NotFoundException("No such user"));
  }

  /** The body of {@code PUT …/team}. */
  public record TeamMembership(String team) {}

  /** The body of {@code PUT …/enabled}. */
  public record AccountState(@NotNull(message = "must be true or false") Boolean enabled) {}
}
