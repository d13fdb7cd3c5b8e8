package dev.apiquery.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What a scan must fetch: the table columns it returns, the values pushed into the request for
 * inputs and {@code other:filter} columns (literals, and dynamic parameters that
 * {@link ParameterBinder} replaces by their values when the statement runs), and the rows to skip
 * and return. Immutable; every
 * planner rule makes a new spec with a {@code with*} copier. Its {@link #toString()} is part of the
 * plan's digest (so differently pushed scans are never merged) and of {@code EXPLAIN} output.
 */
public final class ApiQuerySpec {
  private final int[] projects;
  private final Map<Integer, List<String>> pushedValues;
  private final Map<Integer, List<PushedParameter>> parameters;
  private final long offset;
  private final long fetch;
  private final LimitParameters limitParameters;
  /** The {@code _row} positions kept in each request chain, applied before offset and fetch. */
  private final RowRange rows;

  private ApiQuerySpec(int[] projects, Map<Integer, List<String>> pushedValues,
      Map<Integer, List<PushedParameter>> parameters, long offset, long fetch, LimitParameters limitParameters,
      RowRange rows) {
    this.projects = projects;
    this.pushedValues = pushedValues;
    this.parameters = parameters;
    this.offset = offset;
    this.fetch = fetch;
    this.limitParameters = limitParameters;
    this.rows = rows;
  }

  /** A scan of every column with nothing pushed. */
  public static ApiQuerySpec all(int fieldCount) {
    int[] identity = new int[fieldCount];
    Arrays.setAll(identity, i -> i);
    return new ApiQuerySpec(identity, Map.of(), Map.of(), 0, -1, LimitParameters.NONE, RowRange.ALL);
  }

  /** Table field ordinals the scan returns, in output order. */
  public int[] projects() {
    return projects.clone();
  }

  public int fieldCount() {
    return projects.length;
  }

  /** The table field ordinal of output field {@code outputIndex}. */
  public int tableField(int outputIndex) {
    return projects[outputIndex];
  }

  /**
   * Values sent to the API per table field ordinal: one entry per {@code =}, several for
   * {@code IN}; each value is one request chain. Once bound, it also holds the parameters' values.
   */
  public Map<Integer, List<String>> pushedValues() {
    return pushedValues;
  }

  /**
   * Dynamic parameters ({@code = ?}, {@code IN (?, ?)}) pushed per table field ordinal, on top of
   * that field's literal {@link #pushedValues()}; empty once bound.
   */
  public Map<Integer, List<PushedParameter>> parameters() {
    return parameters;
  }

  /** Whether a literal or a parameter is pushed for the table field. */
  public boolean isPushed(int tableField) {
    return pushedValues.containsKey(tableField) || parameters.containsKey(tableField);
  }

  /** How many table fields have pushed values or parameters. */
  public int pushedFieldCount() {
    Set<Integer> fields = new HashSet<>(pushedValues.keySet());
    fields.addAll(parameters.keySet());
    return fields.size();
  }

  /** Rows to skip; 0 for none. */
  public long offset() {
    return offset;
  }

  /** Rows to return at most; -1 for no limit. */
  public long fetch() {
    return fetch;
  }

  public boolean hasLimitOrOffset() {
    return fetch >= 0 || offset > 0 || !limitParameters.isEmpty();
  }

  /** The {@code _row} positions each request chain keeps ({@link RowRange#ALL} for every row). */
  RowRange rowRange() {
    return rows;
  }

  /** This spec with its row range's parameter bounds replaced by the range their values keep. */
  ApiQuerySpec withBoundRowRange(RowRange bound) {
    return new ApiQuerySpec(projects, pushedValues, parameters, offset, fetch, limitParameters, bound);
  }

  /** Keeps only the rows of each chain whose {@code _row} is also in {@code range}. */
  ApiQuerySpec withRowRange(RowRange range) {
    return new ApiQuerySpec(projects, pushedValues, parameters, offset, fetch, limitParameters, rows.intersect(range));
  }

  public ApiQuerySpec withProjects(int[] newProjects) {
    return new ApiQuerySpec(newProjects.clone(), pushedValues, parameters, offset, fetch, limitParameters, rows);
  }

  /** Adds values for a table field; a field already pushed keeps its first values. */
  public ApiQuerySpec withPushedValues(int tableField, List<String> values) {
    return withPushed(tableField, values, List.of());
  }

  /**
   * Adds literal values and dynamic parameters for a table field (an {@code IN} list may mix
   * them); a field already pushed keeps its first values.
   */
  public ApiQuerySpec withPushed(int tableField, List<String> values, List<PushedParameter> params) {
    if (isPushed(tableField)) {
      return this;
    }
    Map<Integer, List<String>> copy = new LinkedHashMap<>(pushedValues);
    if (!values.isEmpty() || params.isEmpty()) {
      copy.put(tableField, List.copyOf(values));
    }
    Map<Integer, List<PushedParameter>> paramCopy = new LinkedHashMap<>(parameters);
    if (!params.isEmpty()) {
      paramCopy.put(tableField, List.copyOf(params));
    }
    return new ApiQuerySpec(projects, Collections.unmodifiableMap(copy), Collections.unmodifiableMap(paramCopy),
        offset, fetch, limitParameters, rows);
  }

  /** This spec with the parameters replaced by their values: {@code values} per table field. */
  ApiQuerySpec bound(Map<Integer, List<String>> values) {
    return new ApiQuerySpec(projects, Collections.unmodifiableMap(new LinkedHashMap<>(values)), Map.of(),
        offset, fetch, limitParameters, rows);
  }

  /**
   * This spec without the correlated parameters (a lookup join's outer keys) whose correlation
   * is not in {@code kept}: a smaller batch of outer rows.
   */
  ApiQuerySpec keepingCorrelations(Set<String> kept) {
    Map<Integer, List<PushedParameter>> copy = new LinkedHashMap<>();
    for (Map.Entry<Integer, List<PushedParameter>> e : parameters.entrySet()) {
      List<PushedParameter> params = new ArrayList<>();
      for (PushedParameter p : e.getValue()) {
        if (!p.isCorrelated() || kept.contains(p.correlation())) {
          params.add(p);
        }
      }
      copy.put(e.getKey(), List.copyOf(params));
    }
    return new ApiQuerySpec(projects, pushedValues, Collections.unmodifiableMap(copy), offset, fetch,
        limitParameters, rows);
  }

  /** Dynamic parameters that give this spec's offset and row count; empty once bound. */
  LimitParameters limitParameters() {
    return limitParameters;
  }

  /** A spec fresh from the table (nothing skipped or limited yet) with {@code LIMIT ?} pushed. */
  ApiQuerySpec withLimitParameters(long literalOffset, long literalFetch, LimitParameters newParameters) {
    return new ApiQuerySpec(projects, pushedValues, parameters, literalOffset, literalFetch, newParameters, rows);
  }

  /** This spec with its limit parameters replaced by the values of an execution. */
  ApiQuerySpec withBoundLimit(long boundOffset, long boundFetch) {
    return new ApiQuerySpec(projects, pushedValues, parameters, boundOffset, boundFetch, LimitParameters.NONE, rows);
  }

  /** Applies {@code OFFSET o FETCH f} on top of what this spec already returns. */
  public ApiQuerySpec withOffsetAndFetch(long addedOffset, long newFetch) {
    long combinedOffset = offset + addedOffset;
    long combinedFetch;
    if (fetch < 0) {
      combinedFetch = newFetch;
    } else {
      long remaining = Math.max(0, fetch - addedOffset);
      combinedFetch = newFetch < 0 ? remaining : Math.min(remaining, newFetch);
    }
    return new ApiQuerySpec(projects, pushedValues, parameters, combinedOffset, combinedFetch, limitParameters, rows);
  }

  @Override
  public String toString() {
    StringJoiner parts = new StringJoiner(", ", "[", "]");
    List<String> params = new ArrayList<>();
    pushedValues.forEach((field, values) -> params.add("$" + field + "=" + values));
    if (!params.isEmpty()) {
      parts.add("params=" + params);
    }
    if (!parameters.isEmpty()) {
      parts.add("parameters=" + parameters);
    }
    parts.add("projects=" + Arrays.toString(projects));
    if (!rows.isAll()) {
      parts.add("rows=" + rows);
    }
    if (offset > 0) {
      parts.add("offset=" + offset);
    }
    if (fetch >= 0) {
      parts.add("fetch=" + fetch);
    }
    if (!limitParameters.isEmpty()) {
      parts.add(limitParameters.toString());
    }
    return parts.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiQuerySpec other
        && Arrays.equals(projects, other.projects)
        && pushedValues.equals(other.pushedValues)
        && parameters.equals(other.parameters)
        && offset == other.offset
        && fetch == other.fetch
        && limitParameters.equals(other.limitParameters)
        && rows.equals(other.rows);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(projects), pushedValues, parameters, offset, fetch, limitParameters, rows);
  }
}
