package org.haven.access.boundary;

/**
 * A member of staff Haven sees for the first time in a team, or in a new role or team there: what
 * was already waiting for people in their place (a referral to approve) can be shown to them. Fired
 * in the transaction of their request.
 */
public record JoinedTeam(long staffId, String team, boolean supervisor) {}
