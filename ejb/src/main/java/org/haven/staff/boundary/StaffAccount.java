package org.haven.staff.boundary;

import java.util.List;

/** A user as Keycloak holds them, with what decides their access in Haven. */
public record StaffAccount(
    String username, String displayName, boolean enabled, List<String> roles, String team) {}
