package dev.apiquery.builder;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Infers columns from sampled rows: every field of every row, in the order first seen; a nested
 * object is flattened one level ({@code owner/login}, named {@code owner_login}); arrays, and
 * objects below that level, are JSON text; types widen across rows ({@link ValueKind#widen}).
 */
public final class ColumnInference {
  private ColumnInference() {}

  /** What the sample says about one path. */
  private static final class Seen {
    ValueKind kind = ValueKind.NONE;
    int values;
    int nonNull;
    final Set<String> distinct = new HashSet<>();
    boolean json;

    void add(JsonNode value) {
      values++;
      if (value.isContainerNode()) {
        json = true;
        kind = ValueKind.widen(kind, ValueKind.STRING);
      } else {
        kind = ValueKind.widen(kind, ValueKind.of(value));
      }
      if (!value.isNull()) {
        nonNull++;
        distinct.add(value.toString());
      }
    }
  }

  /**
   * @param rows the sampled rows (objects; other values are ignored)
   * @param table the table name, for recognising {@code <table>_id} as the key
   */
  public static List<InferredColumn> infer(List<JsonNode> rows, String table) {
    Map<String, Boolean> objectFields = objectFields(rows);
    Map<String, Seen> paths = new LinkedHashMap<>();
    for (JsonNode row : rows) {
      if (!row.isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> field : row.properties()) {
        String name = field.getKey();
        JsonNode value = field.getValue();
        if (!addressable(name)) {
          continue;
        }
        if (Boolean.TRUE.equals(objectFields.get(name))) {
          if (value.isObject()) {
            for (Map.Entry<String, JsonNode> nested : value.properties()) {
              if (addressable(nested.getKey())) {
                paths.computeIfAbsent(name + "/" + nested.getKey(), p -> new Seen()).add(nested.getValue());
              }
            }
          }
        } else {
          paths.computeIfAbsent(name, p -> new Seen()).add(value);
        }
      }
    }
    return columns(paths, rows.size(), table);
  }

  /** Fields whose names a path cannot address (a {@code /} or {@code [} in the name). */
  public static List<String> unaddressable(List<JsonNode> rows) {
    Set<String> names = new TreeSet<>();
    for (JsonNode row : rows) {
      for (Map.Entry<String, JsonNode> field : row.properties()) {
        if (!addressable(field.getKey())) {
          names.add(field.getKey());
        }
      }
    }
    return List.copyOf(names);
  }

  /** {@code other:xPath} splits on {@code /} and reads {@code [n]} as an index. */
  private static boolean addressable(String name) {
    return !name.isEmpty() && name.indexOf('/') < 0 && name.indexOf('[') < 0;
  }

  /**
   * Top-level fields to flatten: an object wherever present; a field that is an object in one row
   * and something else in another stays one column of JSON text.
   */
  private static Map<String, Boolean> objectFields(List<JsonNode> rows) {
    Map<String, Boolean> result = new LinkedHashMap<>();
    for (JsonNode row : rows) {
      for (Map.Entry<String, JsonNode> field : row.properties()) {
        JsonNode v = field.getValue();
        if (!v.isNull()) {
          boolean object = v.isObject() && !v.isEmpty();
          result.merge(field.getKey(), object, (a, b) -> a && b);
        }
      }
    }
    return result;
  }

  private static List<InferredColumn> columns(Map<String, Seen> paths, int rowCount, String table) {
    List<InferredColumn> columns = new ArrayList<>();
    Set<String> used = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    String keyPath = keyPath(paths, rowCount, table);
    for (Map.Entry<String, Seen> e : paths.entrySet()) {
      String path = e.getKey();
      Seen seen = e.getValue();
      String name = unique(identifier(path), used);
      columns.add(new InferredColumn(name, seen.kind.xsType(), path, path.equals(keyPath), why(seen, rowCount)));
    }
    return columns;
  }

  private static String why(Seen seen, int rowCount) {
    String of = seen.nonNull + " of " + rowCount + " rows";
    if (seen.kind == ValueKind.NONE) {
      return "always null in the sample";
    }
    if (seen.json) {
      return of + ", JSON text";
    }
    return of + (seen.kind == ValueKind.STRING ? "" : ", all " + seen.kind.xsType());
  }

  /**
   * The id-like column: {@code id}, {@code _id}, {@code uuid}, {@code <table>_id} or
   * {@code <table>Id} (singular or plural), whose values are present in every row and distinct.
   */
  private static String keyPath(Map<String, Seen> paths, int rowCount, String table) {
    String singular = table.endsWith("s") ? table.substring(0, table.length() - 1) : table;
    List<String> candidates = List.of("id", "_id", "uuid", singular + "_id", singular + "id",
        table + "_id", table + "id");
    for (String candidate : candidates) {
      for (Map.Entry<String, Seen> e : paths.entrySet()) {
        Seen s = e.getValue();
        boolean idType = s.kind == ValueKind.INT || s.kind == ValueKind.LONG || s.kind == ValueKind.STRING
            || s.kind == ValueKind.DECIMAL;
        if (e.getKey().equalsIgnoreCase(candidate) && idType && !s.json && rowCount > 0
            && s.nonNull == rowCount && s.distinct.size() == rowCount) {
          return e.getKey();
        }
      }
    }
    return null;
  }

  /** A valid SQL identifier with the field's case: other characters become {@code _}. */
  static String identifier(String path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      out.append(Character.isLetterOrDigit(c) || c == '_' ? c : '_');
    }
    if (out.isEmpty() || Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    return out.toString();
  }

  /** The name, or with {@code _2}, {@code _3}... when a column already has it (ignoring case). */
  static String unique(String name, Set<String> used) {
    String candidate = name;
    for (int n = 2; used.contains(candidate) || candidate.toLowerCase(Locale.ROOT).equals("_row"); n++) {
      candidate = name + "_" + n;
    }
    used.add(candidate);
    return candidate;
  }
}
