package org.haven.cases.boundary;

/**
 * Fired, inside the transaction, when a survivor withdraws a consent: whatever relied on it (a
 * pending referral) reacts without the consent feature knowing it.
 */
public record ConsentWithdrawn(String caseNumber, long consentId) {}
