package dev.apiquery.profile;

import dev.apiquery.profile.load.ProfileSources;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Loads a profile from a folder of {@code .rsd} files, a single {@code .rsd}, or an {@code .apip}. */
public final class ProfileLoader {
  private ProfileLoader() {}

  /**
   * Loads and parses every table. A file that cannot be loaded does not fail the load: it becomes
   * a {@linkplain TableDef#broken broken table} that is listed and fails with its file and line
   * when queried. Only a location that is not a profile at all (missing, empty, not an archive)
   * fails with a {@link ProfileException}. Parsed files are cached by path, modification time and
   * size, so loading the same profile again is cheap.
   *
   * @param location a path; {@code file:} URIs and a leading {@code ~/} are accepted
   */
  public static Profile load(String location) throws ProfileException {
    if (location == null || location.isBlank()) {
      throw new ProfileException(null,
          "no profile given: set Profile to a folder of .rsd files, an .rsd file or an .apip archive");
    }
    Path path = toPath(location.trim());
    if (!Files.exists(path)) {
      throw new ProfileException(null, "profile not found: " + path.toAbsolutePath()
          + " (Profile must be a folder of .rsd files, an .rsd file or an .apip archive)");
    }
    String fileName = path.toAbsolutePath().normalize().getFileName() == null
        ? "profile" : path.toAbsolutePath().normalize().getFileName().toString();
    String lower = fileName.toLowerCase(Locale.ROOT);
    List<TableDef> tables;
    String schema;
    if (Files.isDirectory(path)) {
      tables = ProfileSources.folder(path);
      schema = fileName;
    } else if (lower.endsWith(".rsd")) {
      tables = List.of(ProfileSources.file(path));
      schema = ProfileSources.baseName(fileName);
    } else if (lower.endsWith(".apip") || lower.endsWith(".zip")) {
      tables = ProfileSources.archive(path);
      schema = ProfileSources.baseName(fileName);
    } else {
      throw new ProfileException(null, path
          + " is not a folder of .rsd files, an .rsd file or an .apip archive");
    }
    return new Profile(schema, location, sorted(tables));
  }

  /** Sorted by name; two tables whose names differ only by case would be ambiguous in SQL. */
  private static List<TableDef> sorted(List<TableDef> tables) throws ProfileException {
    Map<String, TableDef> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (TableDef table : tables) {
      TableDef other = byName.putIfAbsent(table.name(), table);
      if (other != null) {
        throw new ProfileException(table.location(), "table '" + table.name()
            + "' has the same name (ignoring case) as the table from " + other.location());
      }
    }
    List<TableDef> result = new ArrayList<>(byName.values());
    result.sort(Comparator.comparing(TableDef::name, String.CASE_INSENSITIVE_ORDER));
    return result;
  }

  private static Path toPath(String location) throws ProfileException {
    try {
      if (location.regionMatches(true, 0, "file:", 0, 5)) {
        return Paths.get(URI.create(location));
      }
      if (location.equals("~") || location.startsWith("~/")) {
        return Paths.get(System.getProperty("user.home"), location.substring(1).replaceFirst("^/", ""));
      }
      return Paths.get(location);
    } catch (IllegalArgumentException e) {
      // InvalidPathException and a malformed file: URI are both IllegalArgumentExceptions.
      throw new ProfileException(null, "invalid profile location '" + location + "': "
          + e.getMessage(), e);
    }
  }
}
