package dev.apiquery.profile;

import java.util.List;

/**
 * One table of a profile: one RSD file.
 *
 * @param name table name: the file's base name without {@code .rsd}
 * @param title {@code api:info title}, or null
 * @param description {@code api:info desc}, or null; for a broken table, why it is broken
 * @param location the file (and line of {@code api:info}) it came from
 * @param columns output columns ({@code attr}), in file order
 * @param inputs parameter columns ({@code input}), in file order, without {@code rows@next}
 * @param script the executable part of the file
 * @param failure null for a usable table; for a file that could not be loaded, the error with
 *     its file and line, reported when the table is queried
 */
public record TableDef(
    String name,
    String title,
    String description,
    SourceLocation location,
    List<ColumnDef> columns,
    List<InputDef> inputs,
    Script script,
    String failure) {
  public TableDef {
    columns = List.copyOf(columns);
    inputs = List.copyOf(inputs);
  }

  /** A usable table. */
  public TableDef(String name, String title, String description, SourceLocation location,
      List<ColumnDef> columns, List<InputDef> inputs, Script script) {
    this(name, title, description, location, columns, inputs, script, null);
  }

  /**
   * A table whose file could not be loaded: it is still listed (its description says why), has
   * no columns, and every query of it fails with {@code error}'s message.
   */
  public static TableDef broken(String name, String file, ProfileException error) {
    SourceLocation at = error.location() != null ? error.location() : new SourceLocation(file, 0);
    String message = error.location() != null || error.getMessage().contains(file)
        ? error.getMessage() : file + ": " + error.getMessage();
    return new TableDef(name, null, "cannot be loaded: " + message, at, List.of(), List.of(),
        context -> {
          throw new ProfileException(null, message, error);
        }, message);
  }

  /** Whether the file loaded; see {@link #failure()}. */
  public boolean isBroken() {
    return failure != null;
  }
}
