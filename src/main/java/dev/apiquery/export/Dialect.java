package dev.apiquery.export;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How one target database spells names and types. Names are always quoted (API fields are often
 * reserved words: {@code order}, {@code user}, {@code type}), but a plain name is first folded to
 * the case the target gives unquoted names, so {@code SELECT id FROM items} works afterwards in H2
 * (which stores ID, ITEMS) as in PostgreSQL (id, items).
 */
final class Dialect {
  /** The databases with a type mapping of their own; every other one gets the standard names. */
  enum Product { DUCKDB, H2, POSTGRESQL, OTHER }

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int DECIMAL_MAX_PRECISION = 38;

  final Product product;
  private final String quote;
  private final boolean upper;
  private final boolean lower;

  private Dialect(Product product, String quote, boolean upper, boolean lower) {
    this.product = product;
    this.quote = quote.isBlank() ? "\"" : quote;
    this.upper = upper;
    this.lower = lower;
  }

  static Dialect of(DatabaseMetaData meta) throws SQLException {
    String name = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
    Product product = name.contains("duckdb") ? Product.DUCKDB
        : name.equals("h2") ? Product.H2
        : name.contains("postgres") ? Product.POSTGRESQL
        : Product.OTHER;
    return new Dialect(product, meta.getIdentifierQuoteString(), meta.storesUpperCaseIdentifiers(),
        meta.storesLowerCaseIdentifiers());
  }

  /** A name as the target stores it: a plain name in the target's case, anything else as given. */
  String fold(String name) {
    if (!PLAIN.matcher(name).matches()) {
      return name;
    }
    return upper ? name.toUpperCase(Locale.ROOT) : lower ? name.toLowerCase(Locale.ROOT) : name;
  }

  /** A name folded and quoted for SQL text. */
  String quote(String name) {
    String folded = fold(name);
    return quote + folded.replace(quote, quote + quote) + quote;
  }

  /** The column type of {@code c} in this target's DDL. */
  String type(Column c) {
    return switch (c.kind()) {
      case BIGINT -> "BIGINT";
      case INTEGER -> "INTEGER";
      case DOUBLE -> product == Product.POSTGRESQL ? "DOUBLE PRECISION" : "DOUBLE";
      case DECIMAL -> decimal(c);
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> "TIMESTAMP";
      case VARCHAR -> varchar(c);
    };
  }

  private String decimal(Column c) {
    if (c.precision() > 0 && c.precision() <= DECIMAL_MAX_PRECISION) {
      return "DECIMAL(" + c.precision() + "," + Math.min(c.scale(), c.precision()) + ")";
    }
    // Unknown or larger than DuckDB's widest DECIMAL: PostgreSQL and H2 take unbounded NUMERIC.
    return product == Product.DUCKDB ? "DECIMAL(" + DECIMAL_MAX_PRECISION + "," + Math.min(c.scale(), 18) + ")"
        : "NUMERIC";
  }

  private String varchar(Column c) {
    if (c.precision() > 0 && c.precision() < Integer.MAX_VALUE) {
      return "VARCHAR(" + c.precision() + ")";
    }
    // The size is unknown: a text type without a length limit where the target has one.
    return switch (product) {
      case DUCKDB, H2 -> "VARCHAR";
      case POSTGRESQL -> "TEXT";
      case OTHER -> "VARCHAR(65535)";
    };
  }
}
