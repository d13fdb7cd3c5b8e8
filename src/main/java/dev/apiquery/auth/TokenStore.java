package dev.apiquery.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code OAuthSettingsLocation}: where tokens survive the connection. {@code memory://id} keeps
 * them in this JVM; anything else is a file, written atomically (a temporary file renamed over
 * it) and readable by its owner only, that a new connection or process resumes from.
 */
abstract class TokenStore {
  abstract TokenState load() throws SQLException;

  abstract void save(TokenState state) throws SQLException;

  /** The store at a location; every connection naming the same location shares it. */
  static TokenStore at(String location) {
    if (location.startsWith("memory://")) {
      return new Memory(location);
    }
    return new FileStore(Path.of(location));
  }

  private static final class Memory extends TokenStore {
    private static final Map<String, TokenState> STATES = new ConcurrentHashMap<>();
    private final String id;

    Memory(String id) {
      this.id = id;
    }

    @Override
    TokenState load() {
      return STATES.getOrDefault(id, TokenState.EMPTY);
    }

    @Override
    void save(TokenState state) {
      STATES.put(id, state);
    }
  }

  private static final class FileStore extends TokenStore {
    private final Path file;

    FileStore(Path file) {
      this.file = file.toAbsolutePath();
    }

    @Override
    TokenState load() throws SQLException {
      if (!Files.isRegularFile(file)) {
        return TokenState.EMPTY;
      }
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException e) {
        throw new SQLException("OAuthSettingsLocation: cannot read " + file + ": " + e.getMessage(), "08001");
      }
      return new TokenState(p.getProperty("OAuthAccessToken"), p.getProperty("OAuthRefreshToken"),
          Long.parseLong(p.getProperty("OAuthExpiresAt", "0")), Long.parseLong(p.getProperty("OAuthTokenTimestamp", "0")));
    }

    @Override
    void save(TokenState state) throws SQLException {
      Properties p = new Properties();
      put(p, "OAuthAccessToken", state.accessToken());
      put(p, "OAuthRefreshToken", state.refreshToken());
      p.setProperty("OAuthExpiresAt", Long.toString(state.expiresAtMillis()));
      p.setProperty("OAuthTokenTimestamp", Long.toString(state.obtainedAtMillis()));
      try {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".oauth-", ".tmp");
        try {
          restrictToOwner(temp);
          try (OutputStream out = Files.newOutputStream(temp)) {
            p.store(out, "apiquery OAuth tokens: keep private");
          }
          try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
          }
        } finally {
          Files.deleteIfExists(temp);
        }
      } catch (IOException e) {
        throw new SQLException("OAuthSettingsLocation: cannot write " + file + ": " + e.getMessage(), "08001");
      }
    }

    private static void put(Properties p, String key, String value) {
      if (value != null) {
        p.setProperty(key, value);
      }
    }

    private static void restrictToOwner(Path path) throws IOException {
      try {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system (Windows): the user's profile folder is private already
      }
    }
  }
}
