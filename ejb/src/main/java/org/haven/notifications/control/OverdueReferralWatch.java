package org.haven.notifications.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for sent referrals gone unanswered past their provider's time, every {@code
 * HAVEN_NOTIFICATIONS_OVERDUE_CHECK_SECONDS} (300) seconds. A timer that lives with the server: a
 * restart starts it again, and the referral remembers it was told, so nobody hears it twice.
 */
@Singleton
@Startup
@PermitAll
public class OverdueReferralWatch {

  private static final Logger LOG = Logger.getLogger(OverdueReferralWatch.class.getName());

  @Resource TimerService timers;
  @Inject ReferralNotices notices;

  @Inject
  @ConfigProperty(name = "haven.notifications.overdue-check-seconds", defaultValue = "300")
  long checkSeconds;

  @PostConstruct
  void start() {
    long every = Math.max(1, checkSeconds) * 1000;
    timers.createIntervalTimer(every, every, new TimerConfig("overdue referrals", false));
  }

  /** One look for overdue referrals: what the timer runs (and a test, to not wait for it). */
  @Timeout
  public void check() {
    int late = notices.overdue(Instant.now());
    if (late > 0) {
      LOG.info(() -> "overdue referrals notified: " + late);
    }
  }
}
