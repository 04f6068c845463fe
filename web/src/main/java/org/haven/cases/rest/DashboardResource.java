package org.haven.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.haven.access.boundary.AccessPolicy;
import org.haven.cases.boundary.CaseFigures;
import org.haven.cases.boundary.CaseOverview;
import org.haven.cases.boundary.CaseTasks;
import org.haven.cases.boundary.TaskDetails;

/**
 * What the dashboards show, over REST: {@code GET /api/v1/dashboard} (counts for every role;
 * administrators get counts only), {@code GET /api/v1/tasks} (the caller's open tasks) and {@code
 * GET /api/v1/approvals} (what waits for a supervisor).
 */
@Tag(name = "cases")
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

  @Inject CaseOverview overview;
  @Inject CaseTasks tasks;

  @Operation(operationId = "getDashboard", summary = "The figures of the caller's dashboard")
  @GET
  @Path("dashboard")
  @RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR, AccessPolicy.ADMIN})
  public CaseFigures dashboard() {
    return overview.figures();
  }

  /**
   * The caller's open tasks, soonest due first: a caseworker's own, a supervisor's team's; with
   * {@code overdue=true} only those past their due date.
   */
  @Operation(operationId = "listMyTasks", summary = "The caller's open or overdue follow-up tasks")
  @GET
  @Path("tasks")
  @RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
  public List<TaskDetails> tasks(@QueryParam("overdue") @DefaultValue("false") boolean overdue) {
    return tasks.openTasks(overdue);
  }

  @Operation(
      operationId = "listPendingApprovals",
      summary = "What waits for the supervisor's approval")
  @GET
  @Path("approvals")
  @RolesAllowed(AccessPolicy.SUPERVISOR)
  public List<CaseOverview.PendingApproval> approvals() {
    return overview.pendingApprovals();
  }
}
