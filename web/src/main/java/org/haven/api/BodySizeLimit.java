package org.haven.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 1 MiB with 413, before they are read into memory: every API body is a
 * small JSON document. Bodies sent without a length (chunked) are cut off at the same size.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

  static final int MAX_BYTES = 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > MAX_BYTES) {
      throw tooLarge();
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Limited(request.getEntityStream()));
    }
  }

  static WebApplicationException tooLarge() {
    return new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
  }

  private static final class Limited extends FilterInputStream {
    private long remaining = MAX_BYTES;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        consumed(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        consumed(n);
      }
      return n;
    }

    private void consumed(int n) {
      remaining -= n;
      if (remaining < 0) {
        throw tooLarge();
      }
    }
  }
}
