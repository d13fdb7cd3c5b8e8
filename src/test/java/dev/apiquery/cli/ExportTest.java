package dev.apiquery.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apiquery export} into the CLI's own targets, DuckDB and H2, through {@code Main}. */
class ExportTest extends ExportFixture {
  @TempDir Path work;

  @Test
  void intoDuckDbWithTypesFromTheResultMetadata() throws Exception {
    items(45);
    String duck = "jdbc:duckdb:" + work.resolve("shop.duckdb");
    assertEquals(0, export("--to", duck, "SELECT * FROM Items"), err.toString());
    assertEquals(List.of(45L), column(duck, "SELECT COUNT(*) FROM items"));
    assertEquals("[1035]", column(duck, "SELECT SUM(id) FROM items").toString());
    assertEquals(List.of("id BIGINT", "name VARCHAR", "score DOUBLE", "price DECIMAL(10,2)", "active BOOLEAN",
        "created TIMESTAMP", "day DATE", "note VARCHAR", "_row BIGINT"), columnTypes(duck, "Items", "data_type"));
    assertEquals(List.of("item 7, \"quoted\"|10.5|7.25|false|2024-03-01 10:07:00|2024-03-08|n7"),
        column(duck, "SELECT concat_ws('|', name, score, price, active, created, day, note) FROM items WHERE id = 7"));
    assertEquals(List.of(9L), column(duck, "SELECT COUNT(*) FROM items WHERE note IS NULL"));
    // 5 pages (the fifth is short, so the paging ends there); the concurrent scan may ask for up to
    // MaxConcurrentRequests - 1 pages past the end. A request cancelled when the scan ends may be
    // in the summary's count but not (yet) in the server's journal, or the other way round, so
    // each count is checked against the bound, not against the other.
    int requests = API.findAll(getRequestedFor(urlPathEqualTo("/v1/items"))).size();
    assertTrue(requests >= 5 && requests <= 5 + 3, "requests: " + requests);
    Matcher summary = Pattern.compile("exported 45 rows into table \"Items\": (\\d+) requests, 5 pages, ")
        .matcher(err.toString());
    assertTrue(summary.find(), err.toString());
    int counted = Integer.parseInt(summary.group(1));
    assertTrue(counted >= 5 && counted <= 5 + 3, err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void intoH2WithSizedVarcharAndTheTargetsCaseForNames() throws Exception {
    items(45);
    String h2 = "jdbc:h2:" + work.resolve("shop");
    assertEquals(0, export("--to", h2, "--into", "shop_items", "--batch-size", "7", "SELECT * FROM Items"),
        err.toString());
    assertEquals(List.of(45L), column(h2, "SELECT COUNT(*) FROM shop_items"));
    assertEquals("[1035]", column(h2, "SELECT SUM(id) FROM shop_items").toString());
    assertEquals(List.of("ID BIGINT", "NAME CHARACTER VARYING(40)", "SCORE DOUBLE PRECISION", "PRICE NUMERIC(10,2)",
        "ACTIVE BOOLEAN", "CREATED TIMESTAMP", "DAY DATE", "NOTE CHARACTER VARYING", "_ROW BIGINT"),
        columnTypes(h2, "SHOP_ITEMS", "data_type || CASE WHEN character_maximum_length < 1000000 THEN '(' || "
            + "character_maximum_length || ')' WHEN data_type = 'NUMERIC' THEN '(' || numeric_precision || ',' || "
            + "numeric_scale || ')' ELSE '' END"));
    assertEquals(List.of("2024-03-01 10:07:00"),
        column(h2, "SELECT CAST(created AS VARCHAR) FROM shop_items WHERE id = 7"));
    assertTrue(err.toString().contains("exported 45 rows into table \"SHOP_ITEMS\""), err.toString());
  }

  @Test
  void quietPrintsNothing() throws Exception {
    items(5);
    assertEquals(0, export("--quiet", "--to", "jdbc:h2:" + work.resolve("q"), "SELECT * FROM Items"));
    assertEquals("", err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void createRefusesAnExistingTableBeforeAnyRequest() throws Exception {
    items(5);
    String h2 = "jdbc:h2:" + work.resolve("twice");
    assertEquals(0, export("--to", h2, "SELECT * FROM Items"), err.toString());
    API.resetRequests();
    assertEquals(1, export("--to", h2, "SELECT * FROM Items"));
    assertTrue(err.toString().contains("table \"ITEMS\" already exists in the target; use --mode replace"), err.toString());
    API.verify(0, getRequestedFor(urlPathEqualTo("/v1/items")));
  }

  @Test
  void replaceAndAppend() throws Exception {
    items(12);
    String duck = "jdbc:duckdb:" + work.resolve("modes.duckdb");
    assertEquals(0, export("--to", duck, "SELECT * FROM Items"), err.toString());
    assertEquals(0, export("--to", duck, "--mode", "append", "SELECT * FROM Items WHERE id <= 3"), err.toString());
    assertEquals(List.of(15L), column(duck, "SELECT COUNT(*) FROM items"));
    assertEquals(0, export("--to", duck, "--mode", "replace", "SELECT * FROM Items WHERE id > 10"), err.toString());
    assertEquals(List.of(11L, 12L), column(duck, "SELECT id FROM items ORDER BY id"));
    assertEquals(List.of(1L), column(duck, "SELECT COUNT(*) FROM information_schema.tables"));
  }

  @Test
  void badExportCommandLines() {
    assertEquals(2, export("--to", work.resolve("x.txt").toString(), "SELECT * FROM Items"));
    assertTrue(err.toString().startsWith("apiquery: --to expects a JDBC URL (jdbc:...) or a file ending in .csv"),
        err.toString());
    assertEquals(2, export("--to", "jdbc:h2:mem:x", "SELECT id FROM Items"));
    assertTrue(err.toString().contains("--into TABLE is needed"), err.toString());
    assertEquals(2, export("--to", work.resolve("x.csv").toString(), "--incremental", "id", "SELECT * FROM Items"));
    assertTrue(err.toString().contains("apply to a database target, not a file"), err.toString());
    assertEquals(2, export("--to", "jdbc:h2:mem:x", "--incremental", "id", "--mode", "replace", "SELECT * FROM Items"));
    assertTrue(err.toString().contains("--incremental appends; it does not combine with --mode replace"), err.toString());
    assertEquals(2, export("--to", "jdbc:h2:mem:x", "--mode", "merge", "SELECT * FROM Items"));
    assertTrue(err.toString().contains("Invalid value for option '--mode'"), err.toString());
    assertFalse(err.toString().contains("\tat "), err.toString());
  }
}
