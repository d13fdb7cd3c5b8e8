package dev.apiquery.scan;

import java.sql.SQLWarning;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Values that could not be converted to their column's type, per statement: they are returned as
 * NULL and counted here, and the statement's (and its result set's) {@code getWarnings()} reports
 * them. A scan knows its statement only by the statement's cancel flag, which Calcite hands to it;
 * the statement looks its warnings up by the same flag. Weak keys: a closed statement leaves
 * nothing behind.
 */
public final class ScanWarnings {
  private static final Map<AtomicBoolean, SQLWarning> BY_STATEMENT = new WeakHashMap<>();

  private ScanWarnings() {}

  /** Records that a scan of {@code table} returned {@code count} values as NULL. */
  public static void add(AtomicBoolean statement, String table, long count, String example) {
    if (statement == null || count == 0) {
      return;
    }
    add(statement, new SQLWarning(
        "Table '" + table + "': " + count + " value(s) could not be converted to their column type and were "
            + "returned as NULL (for example " + example + ")", "01004"));
  }

  /** Records a warning about what a scan's script did (SQLState 01000). */
  public static void add(AtomicBoolean statement, String message) {
    if (statement != null) {
      add(statement, new SQLWarning(message, "01000"));
    }
  }

  private static void add(AtomicBoolean statement, SQLWarning warning) {
    synchronized (BY_STATEMENT) {
      SQLWarning existing = BY_STATEMENT.get(statement);
      if (existing == null) {
        BY_STATEMENT.put(statement, warning);
      } else {
        existing.setNextWarning(warning);
      }
    }
  }

  /** The warnings of the statement with this cancel flag, or null. */
  public static SQLWarning of(AtomicBoolean statement) {
    synchronized (BY_STATEMENT) {
      return BY_STATEMENT.get(statement);
    }
  }

  /** Forgets the statement's warnings: it is executing again, or the caller cleared them. */
  public static void clear(AtomicBoolean statement) {
    synchronized (BY_STATEMENT) {
      BY_STATEMENT.remove(statement);
    }
  }
}
