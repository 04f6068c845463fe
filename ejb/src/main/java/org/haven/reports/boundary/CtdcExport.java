package org.haven.reports.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.access.boundary.AccessPolicy;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.entity.AuditAction;
import org.haven.reports.control.CtdcExportRunner;
import org.haven.reports.control.CtdcRelease;
import org.haven.reports.control.ExportJobs;

/**
 * The CTDC export for administrators: one row per survivor whose consent to anonymised statistics
 * is in force, in the codebook's columns, k-anonymised over the quasi-identifiers (generalised
 * first, then suppressed) so that every released combination occurs at least {@code k} times. Read
 * from coded columns only; audited with its counts.
 */
@Stateless
@RolesAllowed(AccessPolicy.ADMIN)
public class CtdcExport {

  /** CTDC's own k; the configuration can raise it, never lower it. */
  public static final int LOWEST_K = 11;

  @Inject CtdcRelease releases;
  @Inject ExportJobs jobs;
  @Inject CtdcExportRunner runner;
  @Inject org.haven.access.boundary.AccessPolicy access;
  @Inject AuditTrail audit;

  @Inject
  @ConfigProperty(name = "haven.exports.ctdc.k", defaultValue = "11")
  int configuredK;

  public int k() {
    return Math.max(LOWEST_K, configuredK);
  }

  /** What an export made now would release and withhold, without releasing anything. */
  public DisclosureReport report() {
    CtdcRelease.Release release = releases.release(k(), CtdcRelease.Progress.NONE);
    audit.record(
        AuditTrail.Entry.of(AuditAction.REPORT_VIEWED, "export", "ctdc")
            .details("disclosure report; " + release.report().describe()));
    return release.report();
  }

  /**
   * Starts preparing the export in the background, for the page: the job says how far it is, and
   * its file is downloaded once done ({@link #download}). One job per administrator at a time.
   */
  public ExportJobs.Status prepare() {
    ExportJobs.Job job = jobs.start(access.actor().getSubject());
    runner.run(job.id(), k());
    return job.status();
  }

  /** How far the caller's own job is; empty for another's or an expired one. */
  public Optional<ExportJobs.Status> job(String id) {
    return jobs.of(id, access.actor().getSubject()).map(ExportJobs.Job::status);
  }

  /** The file of the caller's finished job, recorded as an export with its counts. */
  public Optional<byte[]> download(String id) {
    Optional<ExportJobs.Job> job =
        jobs.of(id, access.actor().getSubject()).filter(j -> j.file() != null);
    job.ifPresent(
        j ->
            audit.recordApart(
                AuditTrail.Entry.of(AuditAction.STATISTICS_EXPORTED, "export", "ctdc")
                    .details(j.status().report().describe())));
    return job.map(ExportJobs.Job::file);
  }

  /**
   * Writes the export as CSV (a header of the codebook's column names, then the released rows,
   * ordered by their values so that the order tells nothing of when a case was registered).
   */
  public DisclosureReport export(Writer out) throws IOException {
    CtdcRelease.Release release = releases.release(k(), CtdcRelease.Progress.NONE);
    audit.recordApart(
        AuditTrail.Entry.of(AuditAction.STATISTICS_EXPORTED, "export", "ctdc")
            .details(release.report().describe()));
    release.write(out);
    return release.report();
  }
}
