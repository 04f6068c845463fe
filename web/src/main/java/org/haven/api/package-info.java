/**
 * What every REST resource of Haven's API ({@code /haven/api/v1}) shares: the application path
 * ({@code HavenApi}); the bearer-token-only filter ({@code BearerTokens}); RFC 9457 problems for
 * every failure ({@code Problem}, one mapper per kind of failure, {@code ProblemMapper} for the
 * rest); request bodies read so that an unknown property or a wrong value is named by its path
 * ({@code JsonBodies}) and parameters so that a wrong one is a 400 naming it; the request body
 * limit ({@code BodySizeLimit}); versions and {@code If-Match} ({@code Versions}); dates and codes
 * in requests ({@code Dates}, {@code OneOf}); and the shaping of the served OpenAPI document
 * ({@code ApiDocument}).
 *
 * <p>Web only. Of the ejb features it uses {@code problems} alone (not even {@code access} or
 * {@code audit}): every feature's resources ({@code org.haven.<feature>.rest}) depend on it, and
 * {@code WebArchitectureTest} checks that it depends on none of them. See docs/api/overview.md and
 * docs/api/conventions.md.
 */
package org.haven.api;
