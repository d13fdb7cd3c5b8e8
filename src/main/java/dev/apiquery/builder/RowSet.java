package dev.apiquery.builder;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A place in a sampled document where rows may be.
 *
 * @param path the field names from the document root to the array; empty for the root
 * @param rows the elements there (a single object is one row)
 */
public record RowSet(List<String> path, List<JsonNode> rows) {
  private static final Pattern SIMPLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public RowSet {
    path = List.copyOf(path);
    rows = List.copyOf(rows);
  }

  /** The profile's {@code JSONPath}: {@code $.data.items}; null for rows that are the document. */
  public String jsonPath() {
    if (path.isEmpty()) {
      return null;
    }
    boolean simple = path.stream().allMatch(k -> SIMPLE.matcher(k).matches());
    return simple ? "$." + String.join(".", path) : "/json/" + String.join("/", path);
  }

  /** How the rows are shown to a user: {@code $.data} or {@code the top-level array}. */
  public String describe() {
    return path.isEmpty() ? "the top-level value" : jsonPath();
  }
}
