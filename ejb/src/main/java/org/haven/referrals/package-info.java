/**
 * Referrals of survivors to providers for a service: written by staff, sent once a supervisor of
 * the team approves, answered by the provider (as staff record it), completed or cancelled. A
 * referral that shares the survivor's data is sent only with a consent in force for that provider
 * and service, and its summary (a PDF, sealed) holds exactly the details that consent lists.
 *
 * <p>A business feature. It may use the foundation features, {@code cases} (the case and its
 * consents) and {@code services} (the catalogue and the directory), but not {@code notifications},
 * which observes its {@code ReferralMoved} events.
 *
 * <p>Entry points: {@code boundary.Referrals}, every user activity on a case's referrals and the
 * supervisor's queue; {@code control.ReferralWorkflow}, the workflow as a table. It observes {@code
 * ConsentWithdrawn} (cancelling the referrals still waiting on the consent) and {@code
 * SurvivorErased} (forgetting what it wrote about the survivor). See docs/domain/referrals.md.
 */
package org.haven.referrals;
