package dev.apiquery.it.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.bench.PagedJsonServer;
import dev.apiquery.jdbc.Driver;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partitioned Spark read ({@code partitionColumn=_row}) over an offset-paged API that takes a
 * fixed time per page: the partitions split the paging (every page fetched once, by the partition
 * whose range holds it) instead of repeating it, so four partitions take a fraction of one
 * partition's wall time. Bounds come from {@code COUNT(*)}, which costs one request.
 */
class SparkPartitionedReadIT {
  private static final int ROWS = 4_000;
  private static final int PAGE = 100;
  /**
   * Per page: long enough that the paging, not Spark's fixed cost per job or the CPU of a shared
   * machine, is most of a read (40 pages: 16 s for one partition, 4 s of paging for four).
   */
  private static final long LATENCY_MILLIS = 400;
  private static final int SMALL_ROWS = 400;

  @TempDir Path dir;

  @Test
  void fourPartitionsFetchEveryPageOnceInAFractionOfTheTime() throws Exception {
    try (PagedJsonServer small = new PagedJsonServer(SMALL_ROWS, 0, PAGE, 0);
        PagedJsonServer api = new PagedJsonServer(ROWS, 0, PAGE, LATENCY_MILLIS)) {
      SparkSession spark = SparkSessions.local();
      // A small API without latency first. Spark's count() sends SELECT 1 FROM items WHERE
      // <range> per partition: the ranges push there too. And both reads below run once here, so
      // that Spark's code generation, Parquet's start-up and the driver's first prepares are paid
      // before anything is timed.
      String smallUrl = url(small, "small");
      int before = small.offsetsRequested().size();
      // Its schema query and SELECT 1 FROM items WHERE <range> are plain queries, prepared without
      // Calcite's parser (the COUNT(*) below is not: it shows that the witness sees what is parsed).
      List<String> parsed = new CopyOnWriteArrayList<>();
      try (AutoCloseable ignored = onParse(parsed::add)) {
        assertEquals(SMALL_ROWS, partitioned(reader(spark, smallUrl), SMALL_ROWS).load().count());
      }
      assertEquals(List.of(), parsed, "queries that went through Calcite's parser");
      assertEachPageOnce(small.offsetsRequested().subList(before, small.offsetsRequested().size()), SMALL_ROWS);
      reader(spark, smallUrl).load().write().parquet(dir.resolve("small-one").toString());
      partitioned(reader(spark, smallUrl), SMALL_ROWS).load().write().parquet(dir.resolve("small-four").toString());

      String url = url(api, "api");
      long total;
      try (AutoCloseable ignored = onParse(parsed::add);
          Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM items")) {
        rs.next();
        total = rs.getLong(1);
      }
      assertEquals(List.of("SELECT COUNT(*) FROM items"), parsed);
      assertEquals(ROWS, total);
      assertEquals(List.of(0L), api.offsetsRequested(), "COUNT(*) is one request");

      before = api.offsetsRequested().size();
      long start = System.nanoTime();
      reader(spark, url).load().write().parquet(dir.resolve("one").toString());
      long onePartition = System.nanoTime() - start;
      assertEachPageOnce(api.offsetsRequested().subList(before, api.offsetsRequested().size()), ROWS);

      before = api.offsetsRequested().size();
      // What Calcite parsed meanwhile (on any thread): nothing, the schema query and every
      // partition's query are plain queries, prepared without Calcite's parser (PlainPrepare).
      parsed.clear();
      start = System.nanoTime();
      try (AutoCloseable ignored = onParse(parsed::add)) {
        partitioned(reader(spark, url), total).load().write().parquet(dir.resolve("four").toString());
      }
      long fourPartitions = System.nanoTime() - start;
      assertEquals(List.of(), parsed, "queries that went through Calcite's parser");
      assertEachPageOnce(api.offsetsRequested().subList(before, api.offsetsRequested().size()), ROWS);

      double ratio = (double) fourPartitions / onePartition;
      String timing = String.format("4 partitions took %d ms, 1 partition %d ms: ratio %.2f",
          fourPartitions / 1_000_000, onePartition / 1_000_000, ratio);
      System.out.println("SparkPartitionedReadIT: " + timing);
      assertTrue(ratio <= 0.45, timing);

      // Read back: every row exactly once, and _row is each row's position in the API's order.
      Dataset<Row> back = spark.read().parquet(dir.resolve("four").toString());
      assertEquals(4, partitionFiles(back), "one Parquet file per partition");
      Row check = back.agg(count("*"), countDistinct(col("id")), sum(col("id")),
          sum(col("_row").equalTo(col("id")).cast("long"))).first();
      long idSum = (long) ROWS * (ROWS - 1) / 2;
      assertEquals(List.of((long) ROWS, (long) ROWS, idSum, (long) ROWS),
          List.of(check.getLong(0), check.getLong(1), check.getLong(2), check.getLong(3)));
    }
  }

  /**
   * A profile folder for the server's table, with its total named; one request at a time per
   * partition, so that what is measured is the partitions, not the driver's own fetch-ahead.
   */
  private String url(PagedJsonServer server, String name) throws Exception {
    Path profiles = Files.createDirectories(dir.resolve(name));
    Files.writeString(profiles.resolve("items.rsd"), server.profile(PAGE).replace("<api:set attr=\"pagesize\"",
        "<api:set attr=\"pagetotalpath\" value=\"/json/total\"/>\r\n<api:set attr=\"pagesize\""));
    return "jdbc:apiquery:Profile=" + profiles + ";MaxConcurrentRequests=1";
  }

  /** Spark's partitioned read: four ranges of _row over [0, upperBound). */
  private static DataFrameReader partitioned(DataFrameReader reader, long upperBound) {
    return reader.option("partitionColumn", "_row").option("lowerBound", "0")
        .option("upperBound", Long.toString(upperBound)).option("numPartitions", "4");
  }

  private static DataFrameReader reader(SparkSession spark, String url) {
    return spark.read().format("jdbc")
        .option("driver", Driver.class.getName())
        .option("url", url)
        .option("dbtable", "items")
        .option("fetchsize", Integer.toString(PAGE));
  }

  /** Parquet part files written: one per partition that had rows. */
  private static int partitionFiles(Dataset<Row> back) {
    return (int) List.of(back.inputFiles()).stream().filter(f -> f.contains("part-")).count();
  }

  /**
   * Every page of the API asked for exactly once, plus the one empty page past the end that ends
   * the last partition.
   */
  /**
   * Calls {@code parsed} with the text of each statement Calcite parses, on any thread. Calcite is
   * relocated in the -all jar this test runs on, so its PARSE_TREE hook is reached by name.
   */
  private static AutoCloseable onParse(Consumer<String> parsed) throws ReflectiveOperationException {
    Class<?> hooks = Class.forName("dev.apiquery.shaded.org.apache.calcite.runtime.Hook");
    Object parseTree = hooks.getField("PARSE_TREE").get(null);
    Consumer<Object[]> hook = sqlAndNode -> parsed.accept(String.valueOf(sqlAndNode[0]));
    Object closeable = hooks.getMethod("add", Consumer.class).invoke(parseTree, hook);
    Method close = Class.forName(hooks.getName() + "$Closeable").getMethod("close"); // the interface's: the hook is a lambda
    return () -> close.invoke(closeable);
  }

  private static void assertEachPageOnce(List<Long> offsets, int rows) {
    Map<Long, Integer> times = new HashMap<>();
    offsets.forEach(o -> times.merge(o, 1, Integer::sum));
    TreeSet<Long> expected = LongStream.rangeClosed(0, rows / PAGE).map(p -> p * PAGE).boxed()
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, new TreeSet<>(times.keySet()), "offsets asked for");
    assertTrue(times.values().stream().allMatch(n -> n == 1), "a page was fetched twice: " + times);
  }
}
