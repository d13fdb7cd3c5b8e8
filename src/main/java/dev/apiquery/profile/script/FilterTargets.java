package dev.apiquery.profile.script;

import dev.apiquery.profile.ColumnDef;
import dev.apiquery.profile.InputDef;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code other:filter} targets a table declares. A filter is either a {@code {Name}}
 * placeholder (filled where the URI writes it) or a bare request parameter name (appended to the
 * URI when the URI does not already carry it).
 */
public final class FilterTargets {
  private final List<String> bareNames;

  private FilterTargets(List<String> bareNames) {
    this.bareNames = List.copyOf(bareNames);
  }

  public static FilterTargets of(List<ColumnDef> columns, List<InputDef> inputs) {
    // Declaration order, one entry per name whatever its case.
    TreeSet<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    List<String> bare = new ArrayList<>();
    List<String> filters = new ArrayList<>();
    columns.forEach(c -> filters.add(c.filter()));
    inputs.forEach(i -> filters.add(i.filter()));
    for (String filter : filters) {
      if (filter != null && !filter.isBlank() && placeholderName(filter) == null
          && seen.add(filter.trim())) {
        bare.add(filter.trim());
      }
    }
    return new FilterTargets(bare);
  }

  /** The name inside a {@code {Name}} filter, or null when the filter is a bare name. */
  public static String placeholderName(String filter) {
    String f = filter.trim();
    return f.length() > 2 && f.startsWith("{") && f.endsWith("}") ? f.substring(1, f.length() - 1) : null;
  }

  /** Bare request parameter names, in declaration order. */
  public List<String> bareNames() {
    return bareNames;
  }
}
