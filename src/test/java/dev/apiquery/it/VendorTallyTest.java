package dev.apiquery.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every real vendor file (see {@link VendorProfileSupport}), planned with EXPLAIN, which sends
 * nothing: it loads, compiles and reaches its requests, or gives the clear error listed here.
 * Tables whose authors require an input get it in a WHERE, as a user would.
 */
class VendorTallyTest extends VendorProfileSupport {
  /** The WHERE a table needs: its script throws or validates without it. */
  private static final Map<String, String> WHERE = Map.of(
      "backlog/Categories", "projectId = '1'",
      "backlog/IssueTypes", "projectId = 1",
      "backlog/Versions", "projectId = 1",
      "diffbot/Article", "dql = 'type:Article'",
      "diffbot/Organization", "dql = 'type:Organization'",
      "diffbot/Person", "dql = 'type:Person'",
      "diffbot/Place", "dql = 'type:Place'");

  /** Files that cannot work as written, and the error that says why. */
  private static final Map<String, String> BROKEN = Map.of(
      "callconnect/Records", "Records.rsd:13: unknown xs:type \"strig\" in <attr name=\"to\">");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "backlog|OrganizationName=acme;ApiKey=k-123",
      "hrbc|app_id=a1;secret=s-1;redirect_url=http://localhost/cb;partition=9",
      "callconnect|ApiToken=t-1",
      "board|APIToken=t-1;APIKey=k-1",
      "diffbot|APIToken=t-1",
      "klenty|ApiKey=k-1;User=ops@acme.test"})
  void everyFilePlansOrFailsClearly(String vendor, String settings) throws Exception {
    install(vendor);
    Map<String, String> outcome = new TreeMap<>();
    try (Connection c = connect("ProfileSettings='" + settings + "'")) {
      for (String table : tables(vendor)) {
        String key = vendor + "/" + table;
        String where = WHERE.containsKey(key) ? " where " + WHERE.get(key) : "";
        try {
          String plan = rows(c, "explain plan for select * from \"" + table + "\"" + where).get(0).get(0).toString();
          int at = plan.indexOf("requests=[[");
          outcome.put(key, at < 0 ? plan : plan.substring(at + "requests=[[".length(), plan.lastIndexOf("]]")));
        } catch (SQLException e) {
          outcome.put(key, e.getMessage());
        }
      }
    }
    outcome.forEach((t, o) -> System.out.println("TALLY " + t + ": " + o));
    outcome.forEach((table, result) -> {
      if (BROKEN.containsKey(table)) {
        assertTrue(result.contains(BROKEN.get(table)), table + ": " + result);
      } else {
        assertTrue(result.startsWith("GET ") || result.startsWith("POST "), table + ": " + result);
      }
    });
    assertEquals(0, API.getAllServeEvents().size());
  }
}
