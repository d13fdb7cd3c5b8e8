package dev.apiquery.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every real vendor file, planned with EXPLAIN (which sends nothing): whether it loads, compiles
 * and reaches its requests, or which clear error it gives.
 */
class VendorTallyTest extends VendorProfileSupport {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "backlog|OrganizationName=acme;ApiKey=k-123",
      "hrbc|app_id=a1;secret=s-1;redirect_url=http://localhost/cb;partition=9",
      "callconnect|ApiToken=t-1",
      "board|APIToken=t-1;APIKey=k-1",
      "diffbot|APIToken=t-1",
      "klenty|ApiKey=k-1;User=ops@acme.test"})
  void everyFilePlans(String vendor, String settings) throws Exception {
    install(vendor);
    Map<String, String> outcome = new TreeMap<>();
    try (Connection c = connect("ProfileSettings='" + settings + "'")) {
      for (String table : tables(vendor)) {
        try {
          String plan = rows(c, "explain plan for select * from \"" + table + "\"").get(0).get(0).toString();
          int at = plan.indexOf("requests=[[");
          outcome.put(table, at < 0 ? plan : plan.substring(at + "requests=[[".length(), plan.lastIndexOf("]]")));
        } catch (SQLException e) {
          outcome.put(table, e.getMessage());
        }
      }
    }
    outcome.forEach((t, o) -> System.out.println("TALLY " + vendor + "/" + t + ": " + o));
    assertEquals(0, API.getAllServeEvents().size());
  }
}
