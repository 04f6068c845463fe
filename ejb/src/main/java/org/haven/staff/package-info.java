/**
 * Staff administration: administrators decide who may use Haven, in which role and team, and
 * disable or enable users. Every change is made in Keycloak through its Admin REST API, as the
 * {@code haven-admin} service account, so that Keycloak stays the one source of identity; disabling
 * also takes effect in Haven at once.
 *
 * <p>A business feature for administrators: it may use the foundation features ({@code access},
 * {@code audit}, {@code problems}) and no business feature; nothing depends on it.
 *
 * <p>Entry points: {@code boundary.AccessManagement}, for administrators only, and the accounts it
 * answers with ({@code boundary.StaffAccount}). See docs/security/keycloak.md and
 * docs/security/roles.md.
 */
package org.haven.staff;
