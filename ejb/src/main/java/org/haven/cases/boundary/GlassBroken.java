package org.haven.cases.boundary;

import org.haven.cases.entity.BreakGlassPurpose;

/**
 * Someone opened a case of this team by break-glass: its supervisors are told at once, in the
 * transaction of the opening. The case number and who, never anything of the survivor.
 */
public record GlassBroken(
    String caseNumber, String team, String username, BreakGlassPurpose purpose) {}
