package dev.apiquery.cli;

import dev.apiquery.demo.DemoProfiles;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * What the run of {@code bin/apiquery} that writes the class-data sharing archive does after its
 * command: it prepares (never executes: nothing is sent) queries of the kinds Calcite plans, over
 * the demo's profiles, so that the archive holds Calcite's parser, validator, planner and code
 * generation too. That run's own query is often plain (prepared without Calcite: PlainPrepare),
 * which loads none of them, and every later join, aggregate or filter would then load them from
 * the jar (about 0.3 s more CPU per run, measured in docs/performance.md).
 */
final class ArchiveTraining {
  /** Set by {@code bin/apiquery} on the run that writes the archive. */
  static final String PROPERTY = "apiquery.cds.training";

  private static final List<String> QUERIES = List.of(
      "SELECT c.name, COUNT(*) AS orders, SUM(o.total) AS spent FROM Customers c"
          + " JOIN Orders o ON o.customer_id = c.id WHERE c.active GROUP BY c.name ORDER BY 2 DESC LIMIT 5",
      "SELECT UPPER(name), city FROM Customers WHERE name LIKE 'A%' AND country <> 'DE' LIMIT 3");

  private ArchiveTraining() {}

  /** Prepares the training queries when this run writes the archive; any failure is ignored. */
  static void runIfAsked() {
    if (!Boolean.getBoolean(PROPERTY)) {
      return;
    }
    // The base URL is never called: statements are only prepared.
    try (DemoProfiles demo = DemoProfiles.extract();
        Connection c = DriverManager.getConnection("jdbc:apiquery:Profile=" + demo.folder() + ";ProfileSettings='BaseUrl=http://127.0.0.1:9'")) {
      for (String sql : QUERIES) {
        try (PreparedStatement ignored = c.prepareStatement(sql)) {
          // prepared: its classes are loaded, and so archived
        }
      }
    } catch (Exception | LinkageError e) {
      // An optimisation only: the archive is written without them, the command's result stands.
    }
  }
}
