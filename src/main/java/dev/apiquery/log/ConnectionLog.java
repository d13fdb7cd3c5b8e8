package dev.apiquery.log;

import dev.apiquery.redact.Redactor;
import dev.apiquery.redact.SecretNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Logfile} and {@code Verbosity}: a connection's own log, written by the driver itself so
 * that it works without an SLF4J binding in the host application (DBeaver, a BI tool). Every line
 * passes the connection's {@link Redactor} (and URLs and headers their own redaction) at every
 * level. Levels: 1 scans and their counts, 2 + request and response lines with headers, 3 + the
 * start of bodies, 4 + transport events (retries, pauses), 5 + everything else.
 */
public final class ConnectionLog {
  private static final Logger SLF4J = LoggerFactory.getLogger("dev.apiquery");
  /** One lock per file: connections writing to the same Logfile do not interleave lines. */
  private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

  public static final ConnectionLog NONE = new ConnectionLog(null, 0, Redactor.NONE);

  private final Path file;
  private final int verbosity;
  private final Redactor redactor;

  public ConnectionLog(Path file, int verbosity, Redactor redactor) {
    this.file = file == null ? null : file.toAbsolutePath();
    this.verbosity = verbosity;
    this.redactor = redactor;
  }

  /** Whether a message at this level is written. */
  public boolean enabled(int level) {
    return file != null && level <= verbosity;
  }

  /** Whether {@link #log} at this level goes anywhere: callers skip building a message nobody reads. */
  public boolean wants(int level) {
    return enabled(level) || SLF4J.isDebugEnabled();
  }

  /** Writes a line at {@code level} (redacted); also passes it to SLF4J at debug. */
  public void log(int level, String message) {
    if (!wants(level)) {
      return;
    }
    String safe = redactor.redact(message);
    SLF4J.debug(safe);
    if (!enabled(level)) {
      return;
    }
    String line = Instant.now() + " [" + level + "] " + safe + System.lineSeparator();
    synchronized (LOCKS.computeIfAbsent(file, f -> new Object())) {
      try {
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        SLF4J.warn("Cannot write Logfile {}: {}", file, e.getMessage());
      }
    }
  }

  /** Request or response headers, secret values hidden. */
  public static String headers(okhttp3.Headers headers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      sb.append(System.lineSeparator()).append("    ").append(headers.name(i)).append(": ")
          .append(SecretNames.redactHeaderValue(headers.name(i), headers.value(i)));
    }
    return sb.toString();
  }
}
