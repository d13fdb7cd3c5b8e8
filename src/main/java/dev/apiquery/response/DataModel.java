package dev.apiquery.response;

import java.util.Locale;

/**
 * CData's {@code DataModel}: how nested arrays (JSON) or repeated elements (XML) become rows.
 *
 * <ul>
 *   <li>{@link #DOCUMENT}: one row per element at the row path(s); nested arrays are values (JSON
 *       or XML text).
 *   <li>{@link #FLATTENED_DOCUMENTS}: the row paths nest ({@code $.invoices;$.invoices.lines});
 *       one row per innermost element, joined to its parents' columns. A parent without children
 *       is still one row (the child columns null); sibling child paths are cross joined.
 *   <li>{@link #RELATIONAL}: CData makes one table per row path, linked by generated keys. An
 *       RSD file is one table, so only a single row path can be read (as {@link #DOCUMENT}).
 * </ul>
 */
public enum DataModel {
  DOCUMENT,
  FLATTENED_DOCUMENTS,
  RELATIONAL;

  /**
   * Parses the {@code DataModel} attribute, case-insensitively: {@code Document},
   * {@code FlattenedDocuments}, {@code Relational}; null or blank is {@link #DOCUMENT}.
   *
   * @throws IllegalArgumentException for any other value, naming it and the accepted ones
   */
  public static DataModel parse(String attr) {
    if (attr == null || attr.isBlank()) {
      return DOCUMENT;
    }
    switch (attr.trim().toLowerCase(Locale.ROOT)) {
      case "document":
        return DOCUMENT;
      case "flatteneddocuments":
        return FLATTENED_DOCUMENTS;
      case "relational":
        return RELATIONAL;
      default:
        throw new IllegalArgumentException("Unsupported DataModel '" + attr.trim()
            + "': use Document, FlattenedDocuments or Relational");
    }
  }
}
