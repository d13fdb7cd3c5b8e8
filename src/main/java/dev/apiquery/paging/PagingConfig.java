package dev.apiquery.paging;

import dev.apiquery.profile.Invocation;
import java.util.Locale;

/**
 * The paging attributes a profile sets (DESIGN 4 "Paging"), read once per chain from the script's
 * attributes, aliases folded. Immutable.
 *
 * @param enabled {@code EnablePaging=true}, or any paging attribute present
 * @param urlPath {@code pageurlpath}: body path or {@code header:Link}
 * @param offsetParam {@code pageoffsetparam} name
 * @param offsetStart the first offset ({@code name;start}, default 0)
 * @param numberParam {@code pagenumberparam} name
 * @param numberStart the first page number ({@code name;start}, default 1)
 * @param sizeParam {@code pagesizeparam}
 * @param pageSize {@code pagesize}, or -1
 * @param tokenPath {@code pagetokenpath}: body path or {@code header:Name}
 * @param tokenParam {@code pagetokenparam}
 * @param tokenFromRow {@code pagetokenfromrow}: the row path whose value in the last row is the token
 * @param hasMorePath {@code pagehasmorepath}
 */
public record PagingConfig(
    boolean enabled,
    String urlPath,
    String offsetParam,
    long offsetStart,
    String numberParam,
    long numberStart,
    String sizeParam,
    int pageSize,
    String tokenPath,
    String tokenParam,
    String tokenFromRow,
    String hasMorePath) {

  /** Reads the attributes; throws IllegalArgumentException with the attribute's name on a bad number. */
  public static PagingConfig of(Invocation invocation) {
    String urlPath = first(invocation, "pageurlpath", "pageurlparam", "nextpageurlpath");
    String[] offset = split(first(invocation, "pageoffsetparam"));
    String[] number = split(first(invocation, "pagenumberparam"));
    String sizeParam = first(invocation, "pagesizeparam");
    String size = first(invocation, "pagesize");
    String tokenPath = first(invocation, "pagetokenpath", "pagingtokenpath", "nextpagetokenpath");
    String tokenParam = first(invocation, "pagetokenparam", "pagingtokenparam");
    String fromRow = first(invocation, "pagetokenfromrow");
    String hasMore = first(invocation, "pagehasmorepath");
    String offsetStart = offset[1] != null ? offset[1] : first(invocation, "pageoffsetstart");
    String numberStart = number[1] != null ? number[1] : first(invocation, "pagestartnumber");
    boolean anyAttribute = urlPath != null || offset[0] != null || number[0] != null || tokenPath != null
        || fromRow != null;
    String enable = invocation.attribute("EnablePaging");
    boolean enabled = enable == null ? anyAttribute : Boolean.parseBoolean(enable.trim());
    return new PagingConfig(
        enabled,
        urlPath,
        offset[0],
        number(offsetStart, "pageoffsetparam", 0),
        number[0],
        number(numberStart, "pagenumberparam", 1),
        sizeParam,
        (int) number(size, "pagesize", -1),
        tokenPath,
        tokenParam,
        fromRow,
        hasMore);
  }

  private static String first(Invocation invocation, String... names) {
    for (String name : names) {
      String value = invocation.attribute(name);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  /** {@code name;start} into its two parts. */
  private static String[] split(String value) {
    if (value == null) {
      return new String[2];
    }
    int semicolon = value.indexOf(';');
    if (semicolon < 0) {
      return new String[] {value, null};
    }
    String start = value.substring(semicolon + 1).trim();
    return new String[] {value.substring(0, semicolon).trim(), start.isEmpty() ? null : start};
  }

  private static long number(String value, String attribute, long defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "paging attribute " + attribute + " must be a whole number, not '" + value + "'");
    }
  }

  /** Whether {@code pageurlpath} or {@code pagetokenpath} names a response header. */
  static boolean isHeader(String path) {
    return path != null && path.toLowerCase(Locale.ROOT).startsWith("header:");
  }

  static String headerName(String path) {
    return path.substring("header:".length()).trim();
  }
}
