package dev.apiquery.it.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session every Spark test shares: starting one costs seconds on a small
 * machine, so it is built once per test JVM and stopped by Spark's own shutdown hook.
 */
final class SparkSessions {
  private static SparkSession shared;

  private SparkSessions() {}

  static synchronized SparkSession local() {
    if (shared == null) {
      shared = SparkSession.builder()
          .appName("apiquery-it")
          // Four task threads: partitioned reads (later tests) need real parallelism.
          .master("local[4]")
          .config("spark.ui.enabled", "false")
          // Loopback only, whatever the machine's own address is.
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          .getOrCreate();
      shared.sparkContext().setLogLevel("WARN");
    }
    return shared;
  }
}
