package dev.apiquery.json;

import java.util.List;
import java.util.Map;

/**
 * One response body, read whole: its rows (only the requested columns, as raw JSON values) and
 * the requested document-level values.
 *
 * <p>Raw values are {@code null}, {@link String}, {@link Boolean}, {@link Long},
 * {@link java.math.BigInteger}, {@link java.math.BigDecimal} or {@link Double}; an object or
 * array is its compact JSON text as a {@link String}.
 *
 * @param rows one {@code Object[]} per row, indexed like the reader's column paths
 * @param documentValues value per requested document path (key: the path as given); a path that
 *     is absent maps to null
 */
public record Page(List<Object[]> rows, Map<String, Object> documentValues) {}
