/**
 * The door every request of the web module comes through, pages and API alike: {@code CallerFilter}
 * reads who is calling from the verified Keycloak token, admits or refuses them, gives the request
 * its id ({@code X-Request-Id}), and writes to the audit trail the sign-ins ({@code SignIns}) and
 * every refusal, whichever layer refused.
 *
 * <p>Web only. It may use the ejb foundation features ({@code access}, {@code audit}) and {@code
 * org.haven.api}; no feature package depends on it. See docs/security/audit-trail.md.
 */
package org.haven.requests;
