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
 * small JSON document, but for a document's upload, which streams to its encrypted file and has a
 * limit of its own. Bodies sent without a length (chunked) are cut off at the same size.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

  static final int MAX_BYTES = 1024 * 1024;

  /** Document uploads: streamed, and limited by the documents' own size (HAVEN_DOCUMENT_MAX_MB). */
  static final java.util.regex.Pattern DOCUMENT_UPLOAD =
      java.util.regex.Pattern.compile("/?cases/[^/]+/documents/?");

  @Override
  public void filter(ContainerRequestContext request) {
    if ("POST".equals(request.getMethod())
        && request.getMediaType() != null
        && request
            .getMediaType()
            .isCompatible(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA_TYPE)
        && DOCUMENT_UPLOAD.matcher(request.getUriInfo().getPath(true)).matches()) {
      return;
    }
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
