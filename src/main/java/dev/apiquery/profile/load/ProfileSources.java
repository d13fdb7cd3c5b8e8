package dev.apiquery.profile.load;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.TableDef;
import dev.apiquery.profile.rsd.RsdParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the tables of the three kinds of profile location: a folder of {@code .rsd} files (not
 * recursive; {@code .rsb} stored procedures are ignored), one {@code .rsd} file, and a CData
 * {@code .apip} archive (a ZIP whose {@code .rsd} files may sit in sub-folders).
 *
 * <p>One bad file never stops the profile: a file that cannot be read, parsed or compiled becomes
 * a {@linkplain TableDef#broken broken table}, listed with the reason and failing with its file
 * and line when queried, and every other table stays usable.
 *
 * <p>Files named {@code sys_*} are skipped: CData reserves that prefix for the driver's own
 * system tables (an {@code .apip} ships e.g. {@code sys_indexes.rsd} that calls an internal
 * operation), and they are not API endpoints.
 */
public final class ProfileSources {
  private ProfileSources() {}

  private static final Logger LOG = LoggerFactory.getLogger(ProfileSources.class);

  /** A guard against a corrupt or hostile archive: no real RSD file comes close. */
  private static final int MAX_RSD_BYTES = 16 * 1024 * 1024;

  private static final FileCache<TableDef> FILES = new FileCache<>();
  private static final FileCache<List<TableDef>> ARCHIVES = new FileCache<>();

  /** The tables of a folder, in file-name order. */
  public static List<TableDef> folder(Path folder) throws ProfileException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (isRsd(name) && !isSystemTable(name) && Files.isRegularFile(entry)) {
          files.add(entry);
        }
      }
    } catch (IOException e) {
      throw new ProfileException(null, "cannot list profile folder " + folder + ": " + e, e);
    }
    if (files.isEmpty()) {
      throw new ProfileException(null, "no .rsd files in " + folder);
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    List<TableDef> tables = new ArrayList<>();
    for (Path file : files) {
      tables.add(file(file));
    }
    return tables;
  }

  /** The one table of a single {@code .rsd} file; broken when the file cannot be loaded. */
  public static TableDef file(Path file) {
    String name = file.getFileName().toString();
    try {
      return FILES.get(file, path -> parseOrBroken(name, () -> RsdText.decode(readFile(path))));
    } catch (ProfileException e) {
      return broken(name, e);
    }
  }

  @FunctionalInterface
  private interface Source {
    String read() throws ProfileException;
  }

  /** Parses one file; a file that fails becomes a broken table (parsed once, as any other). */
  private static TableDef parseOrBroken(String label, Source source) {
    try {
      return RsdParser.parse(label, baseName(fileName(label)), source.read());
    } catch (ProfileException e) {
      return broken(label, e);
    } catch (RuntimeException e) {
      // A parser bug must cost one table, not the profile; the message still names the file.
      return broken(label, new ProfileException(null, label + ": cannot be loaded: " + e, e));
    }
  }

  private static TableDef broken(String label, ProfileException e) {
    TableDef table = TableDef.broken(baseName(fileName(label)), label, e);
    LOG.warn("table {} is not usable: {}", table.name(), table.failure());
    return table;
  }

  private static String fileName(String label) {
    return label.substring(Math.max(label.lastIndexOf('/'), label.lastIndexOf('\\')) + 1);
  }

  /** The tables of an {@code .apip} archive, in entry-name order. */
  public static List<TableDef> archive(Path archive) throws ProfileException {
    return ARCHIVES.get(archive, ProfileSources::readArchive);
  }

  private static List<TableDef> readArchive(Path archive) throws ProfileException {
    String archiveName = archive.getFileName().toString();
    List<TableDef> tables = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String path = entry.getName().replace('\\', '/');
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (entry.isDirectory() || !isRsd(name) || isSystemTable(name)
            || path.startsWith("__MACOSX/")) {
          continue;
        }
        String label = archiveName + "!/" + path;
        byte[] bytes;
        try {
          bytes = readEntry(zip, label);
        } catch (ProfileException e) {
          tables.add(broken(label, e));
          continue;
        }
        tables.add(parseOrBroken(label, () -> RsdText.decode(bytes)));
      }
    } catch (ZipException e) {
      throw new ProfileException(null,
          archive + " is not a valid .apip (ZIP) archive: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ProfileException(null, "cannot read " + archive + ": " + e.getMessage(), e);
    }
    if (tables.isEmpty()) {
      throw new ProfileException(null, "no .rsd files in " + archive);
    }
    tables.sort(Comparator.comparing(TableDef::name, String.CASE_INSENSITIVE_ORDER));
    return List.copyOf(tables);
  }

  private static byte[] readEntry(InputStream in, String label) throws IOException,
      ProfileException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      out.write(buffer, 0, n);
      if (out.size() > MAX_RSD_BYTES) {
        throw new ProfileException(null, label + " is larger than " + MAX_RSD_BYTES + " bytes");
      }
    }
    return out.toByteArray();
  }

  private static byte[] readFile(Path file) throws ProfileException {
    try {
      if (Files.size(file) > MAX_RSD_BYTES) {
        throw new ProfileException(null, file + " is larger than " + MAX_RSD_BYTES + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ProfileException(null, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static boolean isRsd(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".rsd");
  }

  private static boolean isSystemTable(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).startsWith("sys_");
  }

  /** {@code People.rsd} → {@code People}. */
  public static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
