package dev.apiquery.profile;

import java.util.List;

/**
 * A parsed profile: the tables of a folder of RSD files, a single RSD file or an {@code .apip}
 * archive.
 *
 * @param defaultSchemaName the folder name, or the file's base name for a single file or archive
 * @param location where it was loaded from, as given by the user
 * @param tables the tables, sorted by name
 */
public record Profile(String defaultSchemaName, String location, List<TableDef> tables) {
  public Profile {
    tables = List.copyOf(tables);
  }

  /** The tables whose files could not be loaded; each says why in {@link TableDef#failure()}. */
  public List<TableDef> brokenTables() {
    return tables.stream().filter(TableDef::isBroken).toList();
  }
}
