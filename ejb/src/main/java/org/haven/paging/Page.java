package org.haven.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of results together with the total, so that a view can render a paginator. Long lists
 * count only so far: then {@code totalItems} is that many and {@code totalExact} is false ("more
 * than …"), and a page costs the same however many rows exist.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, boolean totalExact) {

  public Page {
    items = List.copyOf(items);
  }

  /** A page whose total is exact. */
  public Page(List<T> items, int page, int size, long totalItems) {
    this(items, page, size, totalItems, true);
  }

  public long totalPages() {
    return totalItems == 0 ? 0 : (totalItems + size - 1) / size;
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalExact);
  }
}
