package dev.apiquery.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What a scan must fetch: the table columns it returns, the values pushed into the request for
 * inputs and {@code other:filter} columns, and the rows to skip and return. Immutable; every
 * planner rule makes a new spec with a {@code with*} copier. Its {@link #toString()} is part of the
 * plan's digest (so differently pushed scans are never merged) and of {@code EXPLAIN} output.
 */
public final class ApiQuerySpec {
  private final int[] projects;
  private final Map<Integer, List<String>> pushedValues;
  private final long offset;
  private final long fetch;

  private ApiQuerySpec(int[] projects, Map<Integer, List<String>> pushedValues, long offset, long fetch) {
    this.projects = projects;
    this.pushedValues = pushedValues;
    this.offset = offset;
    this.fetch = fetch;
  }

  /** A scan of every column with nothing pushed. */
  public static ApiQuerySpec all(int fieldCount) {
    int[] identity = new int[fieldCount];
    Arrays.setAll(identity, i -> i);
    return new ApiQuerySpec(identity, Map.of(), 0, -1);
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
   * {@code IN}; each value is one request chain.
   */
  public Map<Integer, List<String>> pushedValues() {
    return pushedValues;
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
    return fetch >= 0 || offset > 0;
  }

  public ApiQuerySpec withProjects(int[] newProjects) {
    return new ApiQuerySpec(newProjects.clone(), pushedValues, offset, fetch);
  }

  /** Adds values for a table field; a field already pushed keeps its first values. */
  public ApiQuerySpec withPushedValues(int tableField, List<String> values) {
    if (pushedValues.containsKey(tableField)) {
      return this;
    }
    Map<Integer, List<String>> copy = new LinkedHashMap<>(pushedValues);
    copy.put(tableField, List.copyOf(values));
    return new ApiQuerySpec(projects, Collections.unmodifiableMap(copy), offset, fetch);
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
    return new ApiQuerySpec(projects, pushedValues, combinedOffset, combinedFetch);
  }

  @Override
  public String toString() {
    StringJoiner parts = new StringJoiner(", ", "[", "]");
    List<String> params = new ArrayList<>();
    pushedValues.forEach((field, values) -> params.add("$" + field + "=" + values));
    if (!params.isEmpty()) {
      parts.add("params=" + params);
    }
    parts.add("projects=" + Arrays.toString(projects));
    if (offset > 0) {
      parts.add("offset=" + offset);
    }
    if (fetch >= 0) {
      parts.add("fetch=" + fetch);
    }
    return parts.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiQuerySpec other
        && Arrays.equals(projects, other.projects)
        && pushedValues.equals(other.pushedValues)
        && offset == other.offset
        && fetch == other.fetch;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(projects), pushedValues, offset, fetch);
  }
}
