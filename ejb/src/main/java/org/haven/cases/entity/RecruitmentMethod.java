package org.haven.cases.entity;

/**
 * How the person was recruited (CTDC); the online ones are told apart because online grooming grew
 * fastest.
 */
public enum RecruitmentMethod {
  JOB_OFFER,
  ONLINE_SOCIAL_MEDIA,
  ONLINE_MESSAGING_APP,
  ONLINE_WEBSITE,
  INTIMATE_PARTNER,
  FAMILY,
  ABDUCTION,
  OTHER
}
