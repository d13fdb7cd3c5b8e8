package dev.apiquery.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page failing in the middle of an export (the 37th of 50, after batches were already written)
 * leaves the target exactly as it was, and the message names table, request and status.
 */
class ExportFailureTest extends ExportFixture {
  @TempDir Path work;

  @Test
  void duckDbReplaceAndAppendKeepTheOldRows() throws Exception {
    items(500);
    String duck = "jdbc:duckdb:" + work.resolve("keep.duckdb");
    assertEquals(0, export("--to", duck, "SELECT * FROM Items WHERE id <= 100"), err.toString());
    failingPage(360);
    for (String mode : List.of("replace", "append")) {
      assertEquals(1, export("--to", duck, "--mode", mode, "--batch-size", "50", "SELECT * FROM Items"), mode);
      assertFailure();
      assertEquals("[100, 5050]", column(duck, "SELECT COUNT(*) || ', ' || SUM(id) FROM items").toString(), mode);
      assertEquals(List.of("Items"), column(duck, "SELECT table_name FROM information_schema.tables"),
          "no staging table is left: " + mode);
    }
  }

  @Test
  void h2CreateLeavesNoTable() throws Exception {
    items(500);
    failingPage(360);
    String h2 = "jdbc:h2:" + work.resolve("none");
    assertEquals(1, export("--to", h2, "--batch-size", "50", "SELECT * FROM Items"));
    assertFailure();
    assertEquals(List.of(0L), column(h2, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'"));
  }

  @Test
  void fileIsNotTouched() throws Exception {
    items(500);
    Path csv = work.resolve("items.csv");
    Files.writeString(csv, "old\r\n");
    failingPage(360);
    assertEquals(1, export("--to", csv.toString(), "--mode", "replace", "SELECT * FROM Items"));
    assertFailure();
    assertEquals("old\r\n", Files.readString(csv));
    try (var files = Files.list(work)) {
      assertEquals(List.of(csv), files.toList(), "the partial file is removed");
    }
  }

  private void assertFailure() {
    String message = err.toString();
    assertTrue(message.contains("export into "), message);
    assertTrue(message.contains("failed, the target is unchanged"), message);
    assertTrue(message.contains("Items"), "names the table: " + message);
    assertTrue(message.contains("/v1/items?") && message.contains("offset=360"), "names the request: " + message);
    assertTrue(message.contains("500"), "names the status: " + message);
    assertFalse(message.contains("\tat "), message);
    assertTrue(API.findAll(getRequestedFor(urlPathEqualTo("/v1/items"))).size() >= 37);
  }
}
