package dev.apiquery.it.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.bench.PagedJsonServer;
import dev.apiquery.jdbc.Driver;
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
  private static final int ROWS = 20_000;
  private static final int PAGE = 500;
  private static final int PAGES = ROWS / PAGE;
  private static final long LATENCY_MILLIS = 100;

  @TempDir Path dir;

  @Test
  void fourPartitionsFetchEveryPageOnceInAFractionOfTheTime() throws Exception {
    try (PagedJsonServer api = new PagedJsonServer(ROWS, 0, PAGE, LATENCY_MILLIS)) {
      Path profiles = Files.createDirectories(dir.resolve("profiles"));
      Files.writeString(profiles.resolve("items.rsd"), api.profile(PAGE).replace("<api:set attr=\"pagesize\"",
          "<api:set attr=\"pagetotalpath\" value=\"/json/total\"/>\r\n<api:set attr=\"pagesize\""));
      // One request at a time per partition: what is measured is the partitions, not fetch-ahead.
      String url = "jdbc:apiquery:Profile=" + profiles + ";MaxConcurrentRequests=1";

      long total;
      try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM items")) {
        rs.next();
        total = rs.getLong(1);
      }
      assertEquals(ROWS, total);
      assertEquals(List.of(0L), api.offsetsRequested(), "COUNT(*) is one request");

      SparkSession spark = SparkSessions.local();
      DataFrameReader partitioned = reader(spark, url).option("partitionColumn", "_row")
          .option("lowerBound", "0").option("upperBound", Long.toString(total)).option("numPartitions", "4");
      long idSum = (long) ROWS * (ROWS - 1) / 2;
      // Untimed first: Spark compiles the aggregate and each task thread pays its first prepare.
      assertEquals(idSum, sumOfIds(partitioned, api));

      long start = System.nanoTime();
      assertEquals(idSum, sumOfIds(reader(spark, url), api));
      long onePartition = System.nanoTime() - start;
      start = System.nanoTime();
      assertEquals(idSum, sumOfIds(partitioned, api));
      long fourPartitions = System.nanoTime() - start;
      double ratio = (double) fourPartitions / onePartition;
      String timing = String.format("4 partitions took %d ms, 1 partition %d ms: ratio %.2f",
          fourPartitions / 1_000_000, onePartition / 1_000_000, ratio);
      System.out.println("SparkPartitionedReadIT: " + timing);
      assertTrue(ratio <= 0.45, timing);

      // Spark's count() sends SELECT 1 FROM items WHERE <range>: the ranges push there too.
      int before = api.offsetsRequested().size();
      assertEquals(ROWS, partitioned.load().count());
      assertEachPageOnce(api.offsetsRequested().subList(before, api.offsetsRequested().size()));

      before = api.offsetsRequested().size();
      partitioned.load().write().parquet(dir.resolve("four").toString());
      assertEachPageOnce(api.offsetsRequested().subList(before, api.offsetsRequested().size()));

      // Read back: every row exactly once, and _row is each row's position in the API's order.
      Dataset<Row> back = spark.read().parquet(dir.resolve("four").toString());
      assertEquals(4, partitionFiles(back), "one Parquet file per partition");
      Row check = back.agg(count("*"), countDistinct(col("id")), sum(col("id")),
          sum(col("_row").equalTo(col("id")).cast("long"))).first();
      assertEquals(List.of((long) ROWS, (long) ROWS, idSum, (long) ROWS),
          List.of(check.getLong(0), check.getLong(1), check.getLong(2), check.getLong(3)));
    }
  }

  /** The sum of the ids a read returns, checking that it fetched every page once. */
  private static long sumOfIds(DataFrameReader reader, PagedJsonServer api) {
    int before = api.offsetsRequested().size();
    long idSum = reader.load().agg(sum(col("id"))).first().getLong(0);
    assertEachPageOnce(api.offsetsRequested().subList(before, api.offsetsRequested().size()));
    return idSum;
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
  private static void assertEachPageOnce(List<Long> offsets) {
    Map<Long, Integer> times = new HashMap<>();
    offsets.forEach(o -> times.merge(o, 1, Integer::sum));
    TreeSet<Long> expected = LongStream.rangeClosed(0, PAGES).map(p -> p * PAGE).boxed()
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, new TreeSet<>(times.keySet()), "offsets asked for");
    assertTrue(times.values().stream().allMatch(n -> n == 1), "a page was fetched twice: " + times);
  }
}
