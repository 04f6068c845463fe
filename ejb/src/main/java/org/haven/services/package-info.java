/**
 * The service catalogue (the kinds of service survivors are referred to) and the provider directory
 * (the organisations that offer them, the areas they cover, the response time they agreed to), kept
 * by administrators one entry at a time or by CSV import. Nothing here is about a survivor.
 *
 * <p>A business feature. It may use the foundation features ({@code access}, {@code audit}, {@code
 * problems} and the others) and no other business feature: {@code cases} and {@code referrals}
 * depend on it, not the other way round.
 *
 * <p>Entry points: {@code boundary.ServiceDirectory}, reading and keeping the catalogue and the
 * directory; {@code control.Offers}, the one check (and wording) of what a case may name from them:
 * an active service type and an active provider that offers it. See
 * docs/domain/services-and-providers.md.
 */
package org.haven.services;
