package org.haven.paging;

import java.util.List;
import java.util.function.Function;

/** One page of results together with the total, so that a view can render a paginator. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

  public Page {
    items = List.copyOf(items);
  }

  public long totalPages() {
    return totalItems == 0 ? 0 : (totalItems + size - 1) / size;
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems);
  }
}
