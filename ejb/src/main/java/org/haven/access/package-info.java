/**
 * Access: who is calling and what they may see and do. Staff are provisioned from Keycloak on their
 * first request and refreshed on later ones; Keycloak stays the one source of identity, roles and
 * teams.
 *
 * <p>A foundation feature: it depends on no other feature of Haven, and every feature that decides
 * access depends on it.
 *
 * <p>Entry points, in {@code boundary}: {@code AccessPolicy}, the one place that decides (a
 * caller's case scope and audit scope, break-glass, who supervises a team, the role names as
 * constants); {@code Caller}, the request's identity, filled from the token by the web layer;
 * {@code Staff}, the staff records, their provisioning and whether a user is admitted. It fires
 * {@code JoinedTeam} when someone is seen for the first time in a team or role. Administrators'
 * changes of roles and teams are the {@code staff} feature's. See docs/security/roles.md.
 */
package org.haven.access;
