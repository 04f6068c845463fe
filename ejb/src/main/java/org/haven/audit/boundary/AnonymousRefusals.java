package org.haven.audit.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refusals of requests without a caller (no token, a malformed or expired one, no session) are
 * counted here and written once a minute: one audit event per client address, carrying the count,
 * so that anonymous traffic can neither flood the trail nor queue signed-in users behind its
 * writes. A signed-in caller's refusals stay one event each ({@link AuditTrail#recordApart}).
 * Counts are kept per server; at most {@link #MAX_ADDRESSES} addresses a minute are named, the rest
 * are counted together.
 */
@Singleton
@Startup
@DependsOn("AuditSequencer")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class AnonymousRefusals {

  private static final Logger LOG = Logger.getLogger(AnonymousRefusals.class.getName());
  static final int MAX_ADDRESSES = 10_000;
  static final String OTHER_ADDRESSES = "(other addresses)";

  /** One window's counts: by address, then by HTTP status. */
  private record Window(Instant from, Map<String, Map<Integer, LongAdder>> counts) {
    static Window startingNow() {
      return new Window(Instant.now().truncatedTo(ChronoUnit.SECONDS), new ConcurrentHashMap<>());
    }
  }

  private final AtomicReference<Window> window = new AtomicReference<>(Window.startingNow());

  @Inject AuditTrail audit;

  /** Counts a refusal of a request without a caller. */
  public void refused(String clientAddress, int status) {
    Map<String, Map<Integer, LongAdder>> counts = window.get().counts();
    String address = clientAddress == null ? "unknown" : clientAddress;
    if (!counts.containsKey(address) && counts.size() >= MAX_ADDRESSES) {
      address = OTHER_ADDRESSES;
    }
    counts
        .computeIfAbsent(address, a -> new ConcurrentHashMap<>())
        .computeIfAbsent(status, s -> new LongAdder())
        .increment();
  }

  /** Writes the window that ends now, one event per address; the number of events written. */
  @Schedule(second = "0", minute = "*", hour = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int flush() {
    Window ended = window.getAndSet(Window.startingNow());
    String span = "from " + ended.from() + " to " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    int written = 0;
    for (Map.Entry<String, Map<Integer, LongAdder>> address : ended.counts().entrySet()) {
      long total = 0;
      StringBuilder statuses = new StringBuilder();
      for (Map.Entry<Integer, LongAdder> status : new TreeMap<>(address.getValue()).entrySet()) {
        long n = status.getValue().sum();
        total += n;
        statuses.append("HTTP ").append(status.getKey()).append(": ").append(n).append("; ");
      }
      try {
        audit.recordAnonymousRefusals(address.getKey(), total, statuses + span);
        written++;
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING, "Could not record " + total + " refusals without a caller " + span, e);
      }
    }
    return written;
  }

  @PreDestroy
  void atShutdown() {
    flush();
  }
}
