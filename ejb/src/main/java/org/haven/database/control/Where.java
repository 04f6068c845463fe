package org.haven.database.control;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JPQL condition put together from parts: the text only ever holds Haven's own words, every value
 * is a named parameter. Queries built this way stay a handful of distinct strings, so Hibernate
 * translates each once and keeps its plan (it re-translates a Criteria query at every call, and a
 * query with a list parameter too: prefer one single-valued parameter per value where there are
 * few).
 */
public final class Where {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  /** Adds a condition that all results must meet. */
  public Where and(String condition) {
    conditions.add(condition);
    return this;
  }

  /** Adds a condition with the value of its one parameter. */
  public Where and(String condition, String parameter, Object value) {
    conditions.add(condition);
    parameters.put(parameter, value);
    return this;
  }

  public Where parameter(String name, Object value) {
    parameters.put(name, value);
    return this;
  }

  /** Every condition of another, and its parameters. */
  public Where and(Where other) {
    conditions.addAll(other.conditions);
    parameters.putAll(other.parameters);
    return this;
  }

  /** The conditions joined by {@code and}; a condition that always holds when there are none. */
  public String text() {
    return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
  }

  /** Binds the parameters to a query made from a string that contains {@link #text()}. */
  public <Q extends Query> Q bind(Q query) {
    parameters.forEach(query::setParameter);
    return query;
  }
}
