/**
 * The audit trail: a tamper-evident record of every read of survivor data, every change and every
 * refusal. Each event carries a keyed MAC of its own content, a single leased sequencer links
 * committed events into a hash chain, and signed checkpoints of the chain are kept apart from the
 * database.
 *
 * <p>A foundation feature: it may use the foundation features {@code access}, {@code crypto},
 * {@code database}, {@code paging} and {@code problems}, and never a business feature. It stores
 * what callers tell it (actions, object types and ids, counts, codes), never a protected value.
 *
 * <p>Entry points: {@code boundary.AuditTrail}, the one place that writes an event, in the
 * transaction of the change it records; {@code boundary.AuditReview}, the viewer's pages, the CSV
 * export and the verification; {@code boundary.AnonymousRefusals}, refusals without a caller,
 * counted and written once a minute; {@code entity.AuditAction}, the trail's closed vocabulary;
 * {@code control.AuditTool}, the verifier on the command line. See docs/security/audit-trail.md.
 */
package org.haven.audit;
