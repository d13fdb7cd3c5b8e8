package dev.apiquery.profile;

import java.util.List;

/**
 * One table of a profile: one RSD file.
 *
 * @param name table name: the file's base name without {@code .rsd}
 * @param title {@code api:info title}, or null
 * @param description {@code api:info desc}, or null
 * @param location the file (and line of {@code api:info}) it came from
 * @param columns output columns ({@code attr}), in file order
 * @param inputs parameter columns ({@code input}), in file order, without {@code rows@next}
 * @param script the executable part of the file
 */
public record TableDef(
    String name,
    String title,
    String description,
    SourceLocation location,
    List<ColumnDef> columns,
    List<InputDef> inputs,
    Script script) {
  public TableDef {
    columns = List.copyOf(columns);
    inputs = List.copyOf(inputs);
  }
}
