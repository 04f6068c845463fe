package org.haven.cases.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.haven.cases.boundary.CaseFile;
import org.haven.paging.Page;

/**
 * One page of {@code GET /api/v1/cases} (and {@code POST /cases/search}), each item what a list
 * shows ({@link CaseDocument#listed}). {@code page} is zero-based. The total counts up to 1,000
 * matches: beyond, {@code totalItems} is where counting stopped and {@code totalExact} is false.
 */
@JsonbPropertyOrder({"items", "page", "size", "totalItems", "totalPages", "totalExact"})
public record CaseList(
    List<CaseDocument> items,
    int page,
    int size,
    long totalItems,
    long totalPages,
    boolean totalExact) {

  static CaseList of(Page<CaseFile> page) {
    return new CaseList(
        page.items().stream().map(CaseDocument::listed).toList(),
        page.page(),
        page.size(),
        page.totalItems(),
        page.totalPages(),
        page.totalExact());
  }
}
