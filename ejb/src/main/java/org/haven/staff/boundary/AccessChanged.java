package org.haven.staff.boundary;

import java.util.List;

/**
 * An administrator changed a staff member's roles, team or enabled state: the supervisors of every
 * team the member was or now is in are told (in the transaction of the change). {@code change} says
 * what changed in words, never anything of a survivor.
 */
public record AccessChanged(String username, String change, List<String> teams) {}
