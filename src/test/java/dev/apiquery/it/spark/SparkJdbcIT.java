package dev.apiquery.it.spark;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apiquery.it.ApiTestSupport;
import dev.apiquery.jdbc.Driver;
import dev.apiquery.jdbc.OptionName;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The -all jar inside a Spark 4 local session, read through Spark's JDBC source as a data
 * engineer does, on the class path Spark gives it (see the spark failsafe execution in pom.xml):
 * Spark's own Janino next to the jar's relocated one, no unrelocated Calcite anywhere.
 */
class SparkJdbcIT extends ApiTestSupport {
  private static final int ROWS = 250;
  private static final int PAGE = 100;

  @BeforeEach
  void offsetPagedApi() throws Exception {
    for (int offset = 0; offset < ROWS; offset += PAGE) {
      API.stubFor(get(urlPathEqualTo("/people")).withQueryParam("offset", equalTo(Integer.toString(offset)))
          .willReturn(okJson("{\"items\":" + items(offset, Math.min(ROWS, offset + PAGE)) + "}")));
    }
    writeProfile("People", rsd("""
            <attr name="id" xs:type="int" other:xPath="id"/>
            <attr name="name" xs:type="string" other:xPath="name"/>
        """, "${BASE}/people", """
          <api:set attr="JSONPath" value="$.items"/>
          <api:set attr="pageoffsetparam" value="offset"/>
          <api:set attr="pagesizeparam" value="limit"/>
          <api:set attr="pagesize" value="%d"/>
        """.formatted(PAGE)));
  }

  @Test
  void theClassPathIsASparkUsers() throws Exception {
    // The driver Spark loads is the -all jar's, not target/classes.
    assertEquals(allJar().toUri(), Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    // Spark's own Janino is the one on the class path; the jar brings its relocated copy.
    String janino = Class.forName("org.codehaus.janino.ClassBodyEvaluator")
        .getProtectionDomain().getCodeSource().getLocation().getPath();
    assertEquals(true, janino.endsWith("janino-3.1.9.jar"), janino);
    assertEquals(allJar().toUri(), Class.forName("dev.apiquery.shaded.org.codehaus.janino.ClassBodyEvaluator")
        .getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.calcite.jdbc.Driver"));
  }

  @Test
  void sparkReadsEveryPagedRowOnce() {
    Dataset<Row> people = SparkSessions.local().read().format("jdbc")
        .option("driver", Driver.class.getName())
        .option("url", url(OptionName.MAX_CONCURRENT_REQUESTS.key() + "=1"))
        .option("dbtable", "people")
        .option("fetchsize", "100")
        .load();
    // The schema comes from WHERE 1=0, which sends no request.
    // Spark reads every JDBC column as nullable, whatever the driver says (_row is NOT NULL).
    assertEquals("id INT,name STRING,_row BIGINT", people.schema().toDDL());
    assertEquals(0, API.getAllServeEvents().size());

    // Expressions and a filter: Spark's generated code (its Janino) on rows our driver produced
    // (with Calcite's generated code, the jar's relocated Janino).
    Row totals = people.where(col("id").geq(0))
        .agg(count("*"), sum("id"), sum(col("name").substr(2, 9).cast("int")))
        .first();
    long idSum = (long) ROWS * (ROWS - 1) / 2;
    assertEquals(List.of((long) ROWS, idSum, idSum), List.of(totals.getLong(0), totals.getLong(1), totals.getLong(2)));
    // Three pages, each asked for once, the short third one ending the read.
    assertEquals(3, API.getAllServeEvents().size());
    for (int offset = 0; offset < ROWS; offset += PAGE) {
      API.verify(1, getRequestedFor(urlPathEqualTo("/people"))
          .withQueryParam("offset", equalTo(Integer.toString(offset))).withQueryParam("limit", equalTo("100")));
    }
  }

  private static Path allJar() {
    return Path.of(System.getProperty("apiquery.allJar")).toAbsolutePath();
  }
}
