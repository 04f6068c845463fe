package org.haven.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.haven.paging.PageRequest;

/**
 * The page a list asks for, {@code ?page=} (zero-based) and {@code ?size=}: the one definition of
 * paging for every paged GET ({@code @Valid @BeanParam Paging paging}), checked like any input. A
 * list chooses its own default size; the limit is {@link PageRequest#MAX_SIZE} everywhere.
 */
public class Paging {

  @QueryParam("page")
  @DefaultValue("0")
  @Min(value = 0, message = "must be between 0 and 1000000")
  @Max(value = PageRequest.MAX_PAGE, message = "must be between 0 and 1000000")
  @Parameter(description = "The page, zero-based.")
  int page;

  @QueryParam("size")
  @Min(value = 1, message = "must be between 1 and 100")
  @Max(value = PageRequest.MAX_SIZE, message = "must be between 1 and 100")
  @Parameter(description = "Items per page, 1 to 100; 20 when absent (50 for audit events).")
  Integer size;

  public int page() {
    return page;
  }

  /** The size asked for, or this list's default. */
  public int size(int defaultSize) {
    return size == null ? defaultSize : size;
  }

  /** The page as a boundary takes it, in the list's own order. */
  public PageRequest request(int defaultSize) {
    return new PageRequest(page, size(defaultSize), null, false);
  }
}
