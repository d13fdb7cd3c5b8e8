package dev.apiquery.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apiquery export --to FILE}: CSV, NDJSON and Parquet, each read back with DuckDB. */
class ExportFilesTest extends ExportFixture {
  private static final String DUCK = "jdbc:duckdb:";

  @TempDir Path work;

  @Test
  void csvIsRfc4180WithIsoTimestampsAndEmptyNulls() throws Exception {
    items(23);
    Path csv = work.resolve("items.csv");
    assertEquals(0, export("--to", csv.toString(), "SELECT * FROM Items"), err.toString());
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    // SELECT * is a query like any other: it includes _row (name the columns to leave it out).
    assertEquals("id,name,score,price,active,created,day,note,_row", lines.get(0));
    assertEquals("5,\"item 5, \"\"quoted\"\"\",7.5,5.25,false,2024-03-01T10:05:00Z,2024-03-06,,4", lines.get(5));
    assertTrue(Files.readString(csv).contains("\r\n"), "CRLF line ends");
    String read = "read_csv('" + csv + "', header = true)";
    assertEquals(List.of(23L), column(DUCK, "SELECT COUNT(*) FROM " + read));
    assertEquals("[276]", column(DUCK, "SELECT SUM(id) FROM " + read).toString());
    assertEquals(List.of(4L), column(DUCK, "SELECT COUNT(*) FROM " + read + " WHERE note IS NULL"));
    assertTrue(err.toString().contains("exported 23 rows into file " + csv), err.toString());
  }

  @Test
  void ndjsonHasTypedValues() throws Exception {
    items(23);
    Path ndjson = work.resolve("items.jsonl");
    assertEquals(0, export("--to", ndjson.toString(), "SELECT id, price, active, created, note FROM Items"),
        err.toString());
    List<String> lines = Files.readAllLines(ndjson, StandardCharsets.UTF_8);
    assertEquals(23, lines.size());
    assertEquals("{\"id\":5,\"price\":5.25,\"active\":false,\"created\":\"2024-03-01T10:05:00Z\",\"note\":null}",
        lines.get(4));
    String read = "read_json('" + ndjson + "', format = 'newline_delimited')";
    assertEquals("[276]", column(DUCK, "SELECT SUM(id) FROM " + read).toString());
    assertEquals(List.of("BIGINT", "DOUBLE", "BOOLEAN"),
        column(DUCK, "SELECT typeof(id) || ',' || typeof(price) || ',' || typeof(active) FROM " + read + " LIMIT 1")
            .stream().flatMap(v -> List.of(v.toString().split(",")).stream()).toList());
  }

  @Test
  void parquetThroughDuckDbKeepsTheTypes() throws Exception {
    items(23);
    Path parquet = work.resolve("items.parquet");
    assertEquals(0, export("--to", parquet.toString(), "SELECT * FROM Items"), err.toString());
    String read = "read_parquet('" + parquet + "')";
    assertEquals(List.of(23L), column(DUCK, "SELECT COUNT(*) FROM " + read));
    assertEquals("[276]", column(DUCK, "SELECT SUM(id) FROM " + read).toString());
    assertEquals(List.of("id BIGINT", "name VARCHAR", "score DOUBLE", "price DECIMAL(10,2)", "active BOOLEAN",
        "created TIMESTAMP", "day DATE", "note VARCHAR", "_row BIGINT"),
        column(DUCK, "SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM " + read + ")")
            .stream().map(Object::toString).toList());
    try (var files = Files.list(work)) {
      assertEquals(List.of(parquet), files.toList(), "no temporary file left beside it");
    }
  }

  /**
   * 02:30 on 2024-03-31 is a wall-clock time Berlin skips (summer time starts at 02:00): in a JVM
   * whose zone is Berlin the export still writes the API's UTC time, into a file and into DuckDB.
   */
  @Test
  void timestampsKeepTheirWallClockInAZoneThatSkipsIt() throws Exception {
    API.stubFor(get(urlPathEqualTo("/v1/items")).willReturn(okJson("{\"items\":["
        + "{\"id\":1,\"created\":\"2024-03-31T02:30:00Z\"},{\"id\":2,\"created\":\"2024-10-27T02:30:00Z\"},"
        + "{\"id\":3,\"created\":\"2024-07-01T12:00:00.250Z\"}]}")));
    TimeZone saved = TimeZone.getDefault();
    Path csv = work.resolve("items.csv");
    Path duck = work.resolve("items.duckdb");
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
      assertEquals(0, export("--to", csv.toString(), "SELECT id, created FROM Items"), err.toString());
      assertEquals(0, export("--to", DUCK + duck, "--into", "items", "SELECT id, created FROM Items"), err.toString());
    } finally {
      TimeZone.setDefault(saved);
    }
    assertEquals(List.of("id,created", "1,2024-03-31T02:30:00Z", "2,2024-10-27T02:30:00Z", "3,2024-07-01T12:00:00.25Z"),
        Files.readAllLines(csv));
    assertEquals(List.of("2024-03-31 02:30:00", "2024-10-27 02:30:00", "2024-07-01 12:00:00.25"),
        column(DUCK + duck, "SELECT CAST(created AS VARCHAR) FROM items ORDER BY id"));
  }

  @Test
  void existingFileNeedsReplaceOrAppend() throws Exception {
    items(3);
    Path csv = work.resolve("items.csv");
    assertEquals(0, export("--to", csv.toString(), "SELECT id FROM Items"), err.toString());
    assertEquals(1, export("--to", csv.toString(), "SELECT id FROM Items"));
    assertTrue(err.toString().contains(csv + " already exists; use --mode replace or --mode append"), err.toString());
    assertEquals(0, export("--to", csv.toString(), "--mode", "append", "SELECT id FROM Items WHERE id > 1"));
    assertEquals(List.of("id", "1", "2", "3", "2", "3"), Files.readAllLines(csv));
    assertEquals(0, export("--to", csv.toString(), "--mode", "replace", "SELECT id FROM Items WHERE id = 3"));
    assertEquals(List.of("id", "3"), Files.readAllLines(csv));
  }
}
