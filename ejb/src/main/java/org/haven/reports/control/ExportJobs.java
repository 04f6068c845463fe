package org.haven.reports.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.haven.reports.boundary.DisclosureReport;

/**
 * The CTDC exports being prepared for the page, one per administrator: where each stands, and its
 * file once done (k-anonymised counts of coded facts, kept in memory for {@link #KEPT} and never on
 * disk). Another administrator's job is not theirs to see.
 */
@ApplicationScoped
public class ExportJobs {

  /** A finished file is kept this long for its download. */
  static final Duration KEPT = Duration.ofMinutes(30);

  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  /** What the page shows of a job. */
  public record Status(
      String id,
      State state,
      String phase,
      long done,
      long total,
      int percent,
      DisclosureReport report,
      Instant startedAt) {}

  /** A job as it runs; its fields change from the worker's thread. */
  public static final class Job {
    private final String id = UUID.randomUUID().toString();
    private final String owner;
    private final Instant startedAt = Instant.now();
    private volatile State state = State.RUNNING;
    private volatile String phase = "waiting";
    private volatile long done;
    private volatile long total = 1;
    private volatile DisclosureReport report;
    private volatile byte[] file;

    Job(String owner) {
      this.owner = owner;
    }

    public String id() {
      return id;
    }

    public byte[] file() {
      return file;
    }

    void at(String phase, long done, long total) {
      this.phase = phase;
      this.done = done;
      this.total = Math.max(1, total);
    }

    void finished(DisclosureReport report, byte[] file) {
      this.report = report;
      this.file = file;
      this.phase = "done";
      this.done = total;
      this.state = State.DONE;
    }

    void failed() {
      this.phase = "failed";
      this.state = State.FAILED;
    }

    /** Reading, then coding the rows (most of the work), then anonymising and ordering. */
    public Status status() {
      int percent =
          switch (state) {
            case DONE -> 100;
            case FAILED -> 0;
            case RUNNING ->
                switch (phase) {
                  case "coding" -> 10 + (int) (70 * done / total);
                  case "anonymising" -> 85;
                  case "ordering" -> 90;
                  case "writing" -> 95;
                  default -> 5;
                };
          };
      return new Status(id, state, phase, done, total, percent, report, startedAt);
    }
  }

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  /** A new job for {@code owner}, replacing any earlier one of theirs. */
  public Job start(String owner) {
    Instant expired = Instant.now().minus(KEPT);
    jobs.values().removeIf(j -> j.owner.equals(owner) || j.startedAt.isBefore(expired));
    Job job = new Job(owner);
    jobs.put(job.id, job);
    return job;
  }

  public Optional<Job> of(String id, String owner) {
    return Optional.ofNullable(id == null ? null : jobs.get(id)).filter(j -> j.owner.equals(owner));
  }

  Optional<Job> byId(String id) {
    return Optional.ofNullable(jobs.get(id));
  }
}
