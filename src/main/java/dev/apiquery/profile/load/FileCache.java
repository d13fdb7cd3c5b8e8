package dev.apiquery.profile.load;

import dev.apiquery.profile.ProfileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed results per file, reused while the file's modification time and size are unchanged, so
 * that opening many connections to one profile parses it once. One entry per path: an edited
 * file replaces its old entry, so the cache never grows past the files in use. Values must be
 * immutable; two threads may parse the same changed file at once, and then the last one wins,
 * which is harmless.
 */
final class FileCache<T> {
  @FunctionalInterface
  interface Parser<T> {
    T parse(Path file) throws ProfileException;
  }

  private record Entry<T>(long modified, long size, T value) {}

  private final Map<Path, Entry<T>> entries = new ConcurrentHashMap<>();

  T get(Path file, Parser<T> parser) throws ProfileException {
    Path key = file.toAbsolutePath().normalize();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(key, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new ProfileException(null, "cannot read " + file + ": " + e.getMessage(), e);
    }
    long modified = attributes.lastModifiedTime().toMillis();
    long size = attributes.size();
    Entry<T> cached = entries.get(key);
    if (cached != null && cached.modified() == modified && cached.size() == size) {
      return cached.value();
    }
    T value = parser.parse(key);
    entries.put(key, new Entry<>(modified, size, value));
    return value;
  }
}
