package dev.apiquery.builder;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds the rows of a sampled document: a top-level array; else the largest array of objects
 * (the shallowest of equal ones); else the document itself as one row. {@code --rows} overrides.
 */
public final class RowFinder {
  /** Deep enough for {@code data.items} envelopes, shallow enough to stay out of the rows. */
  private static final int MAX_DEPTH = 4;

  private RowFinder() {}

  /**
   * What was found.
   *
   * @param chosen the rows
   * @param alternatives every other array of objects, largest first
   * @param why how {@code chosen} was picked
   */
  public record Result(RowSet chosen, List<RowSet> alternatives, String why) {}

  /**
   * @param override {@code --rows}: {@code $.a.b}, {@code /a/b}, {@code /json/a/b} or {@code a.b};
   *     null to search
   * @throws BuilderException when the override points at nothing
   */
  public static Result find(JsonNode document, String override) throws BuilderException {
    List<RowSet> arrays = new ArrayList<>();
    if (document.isArray()) {
      arrays.add(new RowSet(List.of(), elements(document)));
    } else {
      collect(document, new ArrayList<>(), arrays);
    }
    arrays.sort(Comparator.comparingInt((RowSet r) -> -r.rows().size()).thenComparingInt(r -> r.path().size()));
    if (override != null) {
      List<String> path = parsePath(override);
      JsonNode node = document;
      for (String key : path) {
        node = node.path(key);
      }
      if (node.isMissingNode() || !(node.isArray() || node.isObject())) {
        throw new BuilderException("--rows " + override + " is not an array or object in the response"
            + alternativesText(arrays));
      }
      RowSet chosen = new RowSet(path, node.isArray() ? elements(node) : List.of(node));
      return new Result(chosen, others(arrays, chosen), "given with --rows");
    }
    if (document.isArray()) {
      return new Result(arrays.get(0), List.of(), "the response is a top-level array");
    }
    if (arrays.isEmpty()) {
      return new Result(new RowSet(List.of(), List.of(document)), List.of(),
          "the response is an object with no array of objects: it is one row");
    }
    RowSet chosen = arrays.get(0);
    return new Result(chosen, others(arrays, chosen), arrays.size() == 1
        ? "the only array of objects in the response"
        : "the largest array of objects (" + chosen.rows().size() + " elements)");
  }

  private static List<RowSet> others(List<RowSet> arrays, RowSet chosen) {
    return arrays.stream().filter(r -> !r.path().equals(chosen.path())).toList();
  }

  private static String alternativesText(List<RowSet> arrays) {
    if (arrays.isEmpty()) {
      return " (it has no array of objects)";
    }
    StringBuilder text = new StringBuilder("; arrays of objects in it:");
    for (RowSet r : arrays) {
      text.append(' ').append(r.describe()).append(" (").append(r.rows().size()).append(')');
    }
    return text.toString();
  }

  private static void collect(JsonNode node, List<String> path, List<RowSet> out) {
    if (path.size() >= MAX_DEPTH || !node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      path.add(field.getKey());
      JsonNode value = field.getValue();
      if (value.isArray() && isArrayOfObjects(value)) {
        out.add(new RowSet(path, elements(value)));
      } else if (value.isObject()) {
        collect(value, path, out);
      }
      path.remove(path.size() - 1);
    }
  }

  /** An empty array counts: a first page may be empty and still be where the rows are. */
  private static boolean isArrayOfObjects(JsonNode array) {
    int objects = 0;
    for (JsonNode element : array) {
      if (element.isObject()) {
        objects++;
      }
    }
    return objects * 2 >= array.size() && (objects > 0 || array.isEmpty());
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> result = new ArrayList<>();
    array.forEach(result::add);
    return result;
  }

  /** {@code $.a.b}, {@code $.a.b[*]}, {@code /json/a/b}, {@code /a/b} or {@code a.b} as keys. */
  static List<String> parsePath(String text) {
    String t = text.strip();
    if (t.endsWith("[*]")) {
      t = t.substring(0, t.length() - 3);
    }
    List<String> keys = new ArrayList<>();
    String separator;
    if (t.startsWith("$")) {
      t = t.substring(1);
      separator = "\\.";
    } else if (t.startsWith("/")) {
      t = t.startsWith("/json/") || t.equals("/json") ? t.substring(5) : t;
      separator = "/";
    } else {
      separator = t.contains("/") ? "/" : "\\.";
    }
    for (String key : t.split(separator)) {
      if (!key.isEmpty()) {
        keys.add(key);
      }
    }
    return keys;
  }
}
