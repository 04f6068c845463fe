package org.haven.reports.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.haven.access.boundary.AccessPolicy;

/**
 * Prepares a CTDC export in the background (an EJB asynchronous call: its own thread and
 * transaction, the administrator's identity), telling its job how far it is.
 */
@Stateless
@RolesAllowed(AccessPolicy.ADMIN)
public class CtdcExportRunner {

  private static final Logger LOG = Logger.getLogger(CtdcExportRunner.class.getName());

  @Inject CtdcRelease releases;
  @Inject ExportJobs jobs;

  @Asynchronous
  public void run(String jobId, int k) {
    ExportJobs.Job job = jobs.byId(jobId).orElse(null);
    if (job == null) {
      return;
    }
    try {
      CtdcRelease.Release release = releases.release(k, job::at);
      job.at("writing", 0, 1);
      ByteArrayOutputStream file = new ByteArrayOutputStream(1 << 20);
      release.write(new OutputStreamWriter(file, StandardCharsets.UTF_8));
      job.finished(release.report(), file.toByteArray());
    } catch (IOException e) {
      job.failed();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      job.failed();
      LOG.log(Level.SEVERE, "the CTDC export " + jobId + " failed", e);
    }
  }
}
