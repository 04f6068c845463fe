package org.haven.cases.boundary;

/**
 * A duplicate check by someone of another team (or of none) matched a case of this team: its
 * supervisors are told, in the transaction of the check. The case number, who checked and what
 * matched (a kind of identifier), never anything of the survivor.
 */
public record DuplicateMatched(
    String caseNumber, String team, String username, String checkerTeam, String match) {}
