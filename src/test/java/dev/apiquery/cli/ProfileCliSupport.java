package dev.apiquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apiquery.it.ApiTestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code apiquery profile ...} through the command line's {@code Main} against WireMock. */
abstract class ProfileCliSupport extends ApiTestSupport {
  protected StringWriter out = new StringWriter();
  protected StringWriter err = new StringWriter();

  protected int apiquery(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
  }

  /** Runs it and fails with its output unless it exits 0. */
  protected void ok(String... args) {
    int status = apiquery(args);
    assertEquals(0, status, () -> "stdout:\n" + out + "\nstderr:\n" + err);
  }

  protected String file(String table) throws IOException {
    return Files.readString(profileDir.resolve(table + ".rsd"), StandardCharsets.UTF_8);
  }

  protected Path out() {
    return profileDir;
  }
}
