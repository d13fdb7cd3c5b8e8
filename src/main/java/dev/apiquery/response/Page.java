package dev.apiquery.response;

import java.util.List;
import java.util.Map;

/**
 * One response body, read whole: its rows (only the requested columns, as raw JSON values) and
 * the requested document-level values.
 *
 * <p>Raw values, as the JSON reader produces them (the XML reader gives every value as a
 * {@link String}: text, XML text of an element with children, or a JSON array of several):
 *
 * <ul>
 *   <li>JSON null, or a path that is absent: {@code null}
 *   <li>string: {@link String}; true/false: {@link Boolean}
 *   <li>integer: {@link Long} when it fits, else {@link java.math.BigInteger}
 *   <li>any other number (with a fraction or an exponent): {@link java.math.BigDecimal}, made
 *       from the number's text, so it is exact ({@code 1.10} keeps its scale; the reader never
 *       produces {@link Double})
 *   <li>object or array: its compact JSON text as a {@link String} (numbers in it keep their
 *       original text)
 * </ul>
 *
 * <p>{@code dev.apiquery.value.ValueConverter} also accepts {@link Double} and other {@link Number}s, for values
 * that come from elsewhere.
 *
 * @param rows one {@code Object[]} per row, indexed like the reader's column paths; the list
 *     belongs to the caller
 * @param documentValues value per requested document path (key: the path as given); a path that
 *     is absent maps to null
 * @param converted per row, the output's columns converted to their SQL types on the thread that
 *     read the page, in output order ({@code dev.apiquery.value.RowConverter}); null when the page
 *     was not converted
 * @param conversionFailures how many converted values did not convert (held as
 *     {@code RowConverter.Failed})
 */
public record Page(List<Object[]> rows, Map<String, Object> documentValues, List<Object[]> converted,
    int conversionFailures) {
  /** A page as a reader reads it: not converted. */
  public Page(List<Object[]> rows, Map<String, Object> documentValues) {
    this(rows, documentValues, null, 0);
  }

  /** This page with its rows' converted values, of which {@code failures} did not convert. */
  public Page withConverted(List<Object[]> convertedRows, int failures) {
    return new Page(rows, documentValues, convertedRows, failures);
  }
}
