package dev.apiquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code apiquery export} into a real PostgreSQL with {@code --driver-path} to the PostgreSQL
 * driver jar. The CLI runs in a child JVM whose class path has no PostgreSQL driver (the test class
 * path has one, for the embedded server), so the rows can only get there through --driver-path.
 */
class ExportPostgresTest extends ExportFixture {
  private static final Path DRIVER = Path.of("target/test-drivers/postgresql-42.7.14.jar");

  @Test
  void intoPostgresqlThroughDriverPath() throws Exception {
    assertTrue(Files.isRegularFile(DRIVER), DRIVER + " is copied by the build (maven-dependency-plugin)");
    items(45);
    String pg = TestPostgres.url();
    assertEquals(0, cli("export", "--url", url(""), "--to", pg, "--driver-path", DRIVER.toString(),
        "--into", "public.shop_items", "SELECT * FROM Items"));
    assertEquals("[45, 1035]", column(pg, "SELECT COUNT(*) || ', ' || SUM(id) FROM shop_items").toString());
    assertEquals(List.of("id bigint", "name character varying(40)", "score double precision", "price numeric(10,2)",
        "active boolean", "created timestamp without time zone", "day date", "note text", "_row bigint"),
        columnTypes(pg, "shop_items", "data_type || CASE WHEN character_maximum_length IS NOT NULL THEN '(' || "
            + "character_maximum_length || ')' WHEN data_type = 'numeric' THEN '(' || numeric_precision || ',' || "
            + "numeric_scale || ')' ELSE '' END"));
    assertEquals(List.of("2024-03-01 10:07:00"), column(pg, "SELECT CAST(created AS text) FROM shop_items WHERE id = 7"));
    items(70);
    assertEquals(0, cli("export", "--url", url(""), "--to", pg, "--driver-path", DRIVER.toString(),
        "--into", "public.shop_items", "--incremental", "id", "SELECT * FROM Items"));
    assertEquals(List.of(70L), column(pg, "SELECT COUNT(*) FROM shop_items"));
  }

  /** Runs the CLI in a child JVM without the PostgreSQL driver on its class path; returns its exit status. */
  private int cli(String... args) throws Exception {
    String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !p.contains("postgresql")).collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
        "-Djava.net.preferIPv4Stack=true", Main.class.getName()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("apiquery-export", ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the CLI finished");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    assertTrue(p.exitValue() == 0, output);
    return p.exitValue();
  }
}
