package org.haven.referrals.boundary;

import org.haven.referrals.entity.ReferralStatus;

/**
 * A referral moved to another status, fired inside the transaction that moved it: who should hear
 * of it is for the observers (notifications) to decide.
 */
public record ReferralMoved(
    long referralId, ReferralStatus from, ReferralStatus to, long actorId) {}
