package org.haven.referrals.entity;

/**
 * Where a referral stands: written ({@code DRAFT}), waiting for a supervisor, sent to the provider
 * or returned for rework, the provider's answer as staff record it, and its end.
 */
public enum ReferralStatus {
  DRAFT,
  PENDING_APPROVAL,
  SENT,
  RETURNED,
  ACCEPTED,
  DECLINED,
  COMPLETED,
  CANCELLED
}
