package org.haven.staff.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.haven.access.boundary.Caller;
import org.haven.problems.Conflict;
import org.haven.staff.boundary.AccessManagement;
import org.haven.staff.boundary.StaffAccount;
import org.haven.ui.Texts;

/** Backs {@code admin/users.xhtml}: administrators grant roles, move users, disable them. */
@Named
@ViewScoped
public class UsersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AccessManagement access;
  @Inject Caller caller;

  private List<Row> rows;
  private List<String> teams;

  public List<Row> getRows() {
    if (rows == null) {
      rows = new ArrayList<>(access.users().stream().map(Row::new).toList());
    }
    return rows;
  }

  public List<String> getTeams() {
    if (teams == null) {
      teams = access.teams();
    }
    return teams;
  }

  public List<String> getRoles() {
    return AccessManagement.ROLES;
  }

  /**
   * Applies what an administrator changed in a row, after they confirmed it: the roles, the team,
   * whether they may sign in. What did not change is not touched (nor audited).
   */
  public void save(Row row) {
    if (isSelf(row)) {
      return; // The page offers no button; the boundary refuses it too.
    }
    boolean changed = false;
    if (!new java.util.HashSet<>(row.roles).equals(new java.util.HashSet<>(row.account.roles()))) {
      changed = true;
      if (!saveRoles(row)) {
        return;
      }
    }
    if (!java.util.Objects.equals(blankToNull(row.team), row.account.team())) {
      changed = true;
      saveTeam(row);
    }
    if (row.enabled != row.account.enabled()) {
      changed = true;
      saveEnabled(row);
    }
    if (!changed) {
      FacesContext.getCurrentInstance()
          .addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_INFO,
                  Texts.get("users.nothingChanged", row.account.username()),
                  null));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Applies the roles ticked in a row: grants what was added, revokes what was removed. */
  private boolean saveRoles(Row row) {
    try {
      // Revocations first: moving someone from admin to caseworker is allowed in one save.
      for (String role : AccessManagement.ROLES) {
        if (row.account.roles().contains(role) && !row.roles.contains(role)) {
          access.revokeRole(row.account.username(), role);
        }
      }
      for (String role : AccessManagement.ROLES) {
        if (row.roles.contains(role) && !row.account.roles().contains(role)) {
          access.grantRole(row.account.username(), role);
        }
      }
    } catch (Conflict refused) {
      access.user(row.account.username()).ifPresent(row::take);
      FacesContext.getCurrentInstance()
          .addMessage(
              null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
      return false;
    }
    refresh(row, Texts.get("users.rolesSaved", row.account.username()));
    return true;
  }

  /**
   * The signed-in administrator's own row: shown, not editable (nobody changes their own access).
   */
  public boolean isSelf(Row row) {
    return row.account.username().equals(caller.username());
  }

  private void saveTeam(Row row) {
    row.team = blankToNull(row.team);
    access.moveToTeam(row.account.username(), row.team);
    refresh(
        row,
        row.team == null
            ? Texts.get("users.teamNone", row.account.username())
            : Texts.get("users.teamSaved", row.account.username(), row.team));
  }

  private void saveEnabled(Row row) {
    access.setEnabled(row.account.username(), row.enabled);
    refresh(
        row, Texts.get(row.enabled ? "users.enabled" : "users.disabled", row.account.username()));
  }

  private void refresh(Row row, String message) {
    access.user(row.account.username()).ifPresent(row::take);
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  /** One user in the table, with the choices being edited. */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private StaffAccount account;
    private List<String> roles;
    private String team;
    private boolean enabled;

    Row(StaffAccount account) {
      take(account);
    }

    void take(StaffAccount fresh) {
      this.account = fresh;
      this.roles = new ArrayList<>(fresh.roles());
      this.team = fresh.team();
      this.enabled = fresh.enabled();
    }

    public String getUsername() {
      return account.username();
    }

    public String getDisplayName() {
      return account.displayName();
    }

    public List<String> getSelectedRoles() {
      return roles;
    }

    public void setSelectedRoles(List<String> roles) {
      this.roles = new ArrayList<>(roles);
    }

    public String getTeam() {
      return team;
    }

    public void setTeam(String team) {
      this.team = team == null || team.isBlank() ? null : team;
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
