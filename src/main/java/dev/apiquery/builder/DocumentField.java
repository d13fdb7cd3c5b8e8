package dev.apiquery.builder;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scalar of a sampled document outside its rows (a next URL, a cursor, {@code has_more}, a
 * total), with its path from the root.
 */
record DocumentField(List<String> path, JsonNode value) {
  private static final int MAX_DEPTH = 4;

  DocumentField {
    path = List.copyOf(path);
  }

  /** The profile's path to it: {@code /json/meta/next_cursor}. */
  String rsdPath() {
    return "/json/" + String.join("/", path);
  }

  /** The last key, lower case, letters and digits only: {@code nextpagetoken}. */
  String normalizedName() {
    return normalize(path.get(path.size() - 1));
  }

  /** The key before the last, normalized; empty at the top level. */
  String normalizedParent() {
    return path.size() < 2 ? "" : normalize(path.get(path.size() - 2));
  }

  String text() {
    return value.isNull() ? null : value.asText();
  }

  static String normalize(String name) {
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** Every scalar (null included) of the document that is not inside {@code rows}. */
  static List<DocumentField> outside(JsonNode document, RowSet rows) {
    List<DocumentField> fields = new ArrayList<>();
    if (document.isObject() && !rows.path().isEmpty()) {
      walk(document, new ArrayList<>(), rows.path(), fields);
    }
    return fields;
  }

  private static void walk(JsonNode node, List<String> path, List<String> rowsPath, List<DocumentField> out) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      path.add(field.getKey());
      JsonNode value = field.getValue();
      if (!path.equals(rowsPath)) {
        if (value.isObject() && path.size() < MAX_DEPTH) {
          walk(value, path, rowsPath, out);
        } else if (value.isValueNode()) {
          out.add(new DocumentField(path, value));
        }
      }
      path.remove(path.size() - 1);
    }
  }
}
