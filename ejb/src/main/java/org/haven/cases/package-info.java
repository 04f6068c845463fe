/**
 * Survivors' cases: the case file (the survivor's identity, sealed, and coded attributes), its
 * registration with the duplicate check, lists and exact-match search, assignment, the exploitation
 * profile and risk, the lifecycle with a supervisor's approvals, notes, consents, the assessment
 * and plan, follow-up tasks, services per case, dashboards, break-glass and erasure.
 *
 * <p>A business feature. It may use the foundation features ({@code access}, {@code audit}, {@code
 * crypto}, {@code database}, {@code paging}, {@code problems}) and {@code services} (what a case
 * may name from the catalogue and the directory), but not {@code referrals} or {@code
 * notifications}: those react to its CDI events ({@code ConsentWithdrawn}, {@code SurvivorErased}).
 *
 * <p>Entry points: the boundaries in {@code boundary}, one per user activity, such as {@code
 * CaseRegistration}, {@code CaseQueries}, {@code CaseTransitions}, {@code CaseProfile}, {@code
 * CaseNotes}, {@code Consents}, {@code CasePlans}, {@code CaseTasks}, {@code ServiceDelivery},
 * {@code Reassignment}, {@code BreakGlass}, {@code CaseErasure} and {@code CaseOverview}. Each
 * finds its case through {@code control.CaseRecords} within the caller's scope, so a case out of
 * scope is equally absent from all of them; {@code control.CaseLifecycle} is the lifecycle as a
 * table. See docs/domain/cases.md and docs/domain/lifecycle.md.
 */
package org.haven.cases;
