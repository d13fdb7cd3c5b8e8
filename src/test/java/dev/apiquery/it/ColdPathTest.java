package dev.apiquery.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.bench.PagedJsonServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a fresh JVM loads for its first query (the cold start every Spark executor pays): a
 * plain-http API sets no TLS up, and a plan that is one scan compiles nothing (neither its
 * metadata handlers nor its executable code: Janino is not even loaded), nor does Spark's
 * schema query (WHERE 1=0, reduced without compiling its constant). Checked in a child JVM,
 * whose class loading log is its own.
 */
class ColdPathTest {
  @TempDir Path dir;

  @Test
  void aPlainHttpQueryLoadsNoTrustStoreNoSslContextAndNoCompiler() throws Exception {
    try (PagedJsonServer server = new PagedJsonServer(50, 0, 0, 0)) {
      String out = firstQueryInChildJvm(server, "select * from items limit 10");
      assertTrue(out.contains("rows=10 idSum=45"), out);
      assertEquals(1, server.requests());
      assertFalse(out.contains("sun.security.ssl.SSLContextImpl"), "an SSLContext was made");
      assertFalse(out.contains("sun.security.ssl.TrustStoreManager"), "the trust store was read");
      assertFalse(out.contains("EnumerableRelImplementor"), "Java code was generated for the plan");
      assertNoCalcitePreparation(out); // nor Janino
    }
  }

  /** Spark's schema query for {@code dbtable=items}, and a BI tool's probe: no request, no planner. */
  @Test
  void aPlainSchemaQueryIsPreparedWithoutCalciteAndSendsNothing() throws Exception {
    try (PagedJsonServer server = new PagedJsonServer(50, 0, 0, 0)) {
      String out = firstQueryInChildJvm(server, "SELECT * FROM items WHERE 1=0");
      assertTrue(out.contains("rows=0 idSum=0"), out);
      assertEquals(0, server.requests());
      assertNoCalcitePreparation(out);
    }
  }

  /** A plain query ({@code PlainPrepare}) loads none of Calcite's parser, validator, planner or operator table. */
  private static void assertNoCalcitePreparation(String classLoadLog) {
    for (String name : List.of("SqlBabelParserImpl", "SqlValidatorImpl", "SqlToRelConverter", "VolcanoPlanner",
        "SqlStdOperatorTable", "DefaultRelMetadataProvider", "org.codehaus.janino.")) {
      assertFalse(classLoadLog.contains(name), name + " was loaded");
    }
  }

  @Test
  void sparksSchemaQueryCompilesNothingAndSendsNothing() throws Exception {
    try (PagedJsonServer server = new PagedJsonServer(50, 0, 0, 0)) {
      // What Spark's JDBC source sends first, on the driver, to learn the columns.
      String out = firstQueryInChildJvm(server, "SELECT * FROM (select * from items) SPARK_GEN_SUBQ_0 WHERE 1=0");
      assertTrue(out.contains("rows=0 idSum=0"), out);
      assertEquals(0, server.requests());
      assertFalse(out.contains("org.codehaus.janino."), "Janino compiled something");
      assertFalse(out.contains("EnumerableRelImplementor"), "Java code was generated for the plan");
    }
  }

  /** The output of a child JVM that connects, runs {@code sql} and reads it, with its class loading log. */
  private String firstQueryInChildJvm(PagedJsonServer server, String sql) throws Exception {
    Files.writeString(dir.resolve("Items.rsd"), server.profile(10));
    return ScanInChildJvm.run("-Xlog:class+load=info", "jdbc:apiquery:Profile=" + dir, sql, 2);
  }
}
