package dev.apiquery.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --incremental COLUMN}: reruns add exactly the rows past the target's MAX(COLUMN). */
class ExportIncrementalTest extends ExportFixture {
  @TempDir Path work;

  @Test
  void rerunsAddOnlyNewRows() throws Exception {
    items(45);
    String duck = "jdbc:duckdb:" + work.resolve("inc.duckdb");
    assertEquals(0, export("--to", duck, "--incremental", "id", "SELECT * FROM Items"), err.toString());
    assertEquals(List.of(45L), column(duck, "SELECT COUNT(*) FROM items"));
    items(70); // the API gained 25 rows
    assertEquals(0, export("--to", duck, "--incremental", "ID", "SELECT * FROM Items"), err.toString());
    assertTrue(err.toString().contains("exported 25 rows"), err.toString());
    assertEquals("[70, 2485]", column(duck, "SELECT COUNT(*) || ', ' || SUM(id) FROM items").toString());
    assertEquals(0, export("--to", duck, "--incremental", "id", "SELECT * FROM Items"), err.toString());
    assertTrue(err.toString().contains("exported 0 rows"), err.toString());
    assertEquals(List.of(70L), column(duck, "SELECT COUNT(*) FROM items"));
  }

  @Test
  void timestampColumnAsTheHighWaterMark() throws Exception {
    writeProfile("Events", String.join("\r\n",
        "<api:script xmlns:api=\"http://apiscript.com/ns?v1\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">",
        "  <api:info title=\"Events\" desc=\"Audit events\">",
        "    <attr name=\"id\" xs:type=\"long\" other:xPath=\"id\"/>",
        "    <attr name=\"updated\" xs:type=\"datetime\" other:xPath=\"updated\"/>",
        "  </api:info>",
        "  <api:script method=\"GET\">",
        "    <api:set attr=\"URI\" value=\"${BASE}/v1/events\"/>",
        "    <api:call op=\"jsonproviderGet\"><api:push/></api:call>",
        "  </api:script>",
        "</api:script>", ""));
    API.stubFor(get(urlPathEqualTo("/v1/events")).willReturn(okJson(
        "[{\"id\":1,\"updated\":\"2024-05-01T08:00:00Z\"},{\"id\":2,\"updated\":\"2024-05-02T09:30:00Z\"}]")));
    String h2 = "jdbc:h2:" + work.resolve("events");
    assertEquals(0, export("--to", h2, "--incremental", "updated", "SELECT * FROM Events"), err.toString());
    // The API has no "updated after" parameter: it sends everything, the bound filters the rows.
    API.stubFor(get(urlPathEqualTo("/v1/events")).willReturn(okJson("[{\"id\":1,\"updated\":\"2024-05-01T08:00:00Z\"},"
        + "{\"id\":2,\"updated\":\"2024-05-02T09:30:00Z\"},{\"id\":3,\"updated\":\"2024-05-02T09:30:00.001Z\"}]")));
    API.resetRequests();
    assertEquals(0, export("--to", h2, "--incremental", "updated", "SELECT * FROM Events"), err.toString());
    assertTrue(err.toString().contains("exported 1 rows"), err.toString());
    assertEquals(List.of(1L, 2L, 3L), column(h2, "SELECT id FROM events ORDER BY id"));
    API.verify(1, getRequestedFor(urlPathEqualTo("/v1/events")));
  }

  /** An input that the API reads as a lower bound: --incremental-input says so, and the request carries it. */
  @Test
  void theHighWaterMarkGoesIntoTheRequestThroughAnInput() throws Exception {
    writeProfile("Changes", String.join("\r\n",
        "<api:script xmlns:api=\"http://apiscript.com/ns?v1\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">",
        "  <api:info title=\"Changes\" desc=\"Changed records\">",
        "    <attr name=\"id\" xs:type=\"long\" other:xPath=\"id\"/>",
        "    <attr name=\"updated\" xs:type=\"datetime\" other:xPath=\"updated\"/>",
        "    <input name=\"updated_since\" xs:type=\"datetime\" other:filter=\"updated_since\" desc=\"Changed at or after\"/>",
        "  </api:info>",
        "  <api:set attr=\"JSONPath\" value=\"$.changes\"/>",
        "  <api:script method=\"GET\">",
        "    <api:set attr=\"URI\" value=\"${BASE}/v1/changes?type=all&order=asc\"/>",
        "    <api:call op=\"jsonproviderGet\"><api:push/></api:call>",
        "  </api:script>",
        "</api:script>", ""));
    API.stubFor(get(urlPathEqualTo("/v1/changes")).withQueryParam("updated_since", absent()).willReturn(okJson(
        "{\"changes\":[{\"id\":1,\"updated\":\"2024-05-01T08:00:00Z\"},{\"id\":2,\"updated\":\"2024-05-02T09:30:00Z\"}]}")));
    String duck = "jdbc:duckdb:" + work.resolve("changes.duckdb");
    String[] args = {"--to", duck, "--into", "changes", "--incremental", "updated", "--incremental-input", "updated_since",
        "SELECT id, updated, updated_since FROM Changes"};
    assertEquals(0, export(args), err.toString());
    assertTrue(err.toString().contains("exported 2 rows"), err.toString());
    API.verify(1, getRequestedFor(urlPathEqualTo("/v1/changes")).withQueryParam("updated_since", absent()));

    // The API answers from the bound on, the bound's own row included (an inclusive "since").
    API.resetRequests();
    API.stubFor(get(urlPathEqualTo("/v1/changes")).withQueryParam("updated_since", equalTo("2024-05-02T09:30:00"))
        .willReturn(okJson("{\"changes\":[{\"id\":2,\"updated\":\"2024-05-02T09:30:00Z\"},"
            + "{\"id\":3,\"updated\":\"2024-05-03T00:00:00Z\"}]}")));
    assertEquals(0, export(args), err.toString());
    assertTrue(err.toString().contains("exported 1 rows"), err.toString());
    assertEquals(List.of(1L, 2L, 3L), column(duck, "SELECT id FROM changes ORDER BY id"));
    API.verify(1, getRequestedFor(urlPathEqualTo("/v1/changes")));
    API.verify(1, getRequestedFor(urlPathEqualTo("/v1/changes")).withQueryParam("type", equalTo("all"))
        .withQueryParam("updated_since", equalTo("2024-05-02T09:30:00")));

    // Above a LIMIT the value would only filter the rows (the unset input matches none): refused, target unchanged.
    API.resetRequests();
    assertEquals(1, export("--to", duck, "--into", "changes", "--incremental", "updated", "--incremental-input",
        "updated_since", "SELECT id, updated, updated_since FROM Changes LIMIT 100"));
    assertTrue(err.toString().contains("--incremental-input updated_since: the bound cannot reach the request"),
        err.toString());
    API.verify(0, getRequestedFor(urlPathEqualTo("/v1/changes")));
    assertEquals(List.of(3L), column(duck, "SELECT COUNT(*) FROM changes"));
  }

  @Test
  void theInputMustBeInTheQueryAndTakeTheValue() throws Exception {
    items(5);
    String duck = "jdbc:duckdb:" + work.resolve("bad.duckdb");
    assertEquals(0, export("--to", duck, "--incremental", "id", "SELECT * FROM Items"), err.toString());
    assertEquals(1, export("--to", duck, "--incremental", "id", "--incremental-input", "since", "SELECT * FROM Items"));
    assertTrue(err.toString().contains("--incremental-input since: the query has no such column"), err.toString());
    assertEquals(1, export("--to", duck, "--incremental", "id", "--incremental-input", "created", "SELECT * FROM Items"));
    assertTrue(err.toString().contains("--incremental-input created: the TIMESTAMP input cannot take the high-water "
        + "mark of id (5)"), err.toString());
    assertEquals(2, export("--to", duck, "--incremental-input", "id", "SELECT * FROM Items"));
    assertTrue(err.toString().contains("--incremental-input needs --incremental COLUMN"), err.toString());
  }
}
