package dev.apiquery.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.bench.PagedJsonServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming: a scan of more than 200 MB of JSON completes in a JVM with a 128 MB heap, because
 * the driver holds one page at a time, never the result.
 */
class BoundedMemoryTest {
  @TempDir Path dir;

  @Test
  void twoHundredMegabytesThroughA128MegabyteHeap() throws Exception {
    long rows = 700_000;
    try (PagedJsonServer server = new PagedJsonServer(rows, 120, 0, 0)) {
      Files.writeString(dir.resolve("Items.rsd"), server.profile(5_000));
      String out = ScanInChildJvm.run("-Xmx128m", "jdbc:apiquery:Profile=" + dir + ";MaxConcurrentRequests=4",
          "select * from items", 5);
      long expectedSum = rows * (rows - 1) / 2;
      assertTrue(out.contains("rows=" + rows + " idSum=" + expectedSum), out);
      assertTrue(out.contains("maxHeapMb=") && !out.contains("OutOfMemoryError"), out);
      // Each row is about 320 bytes of JSON: the scan read well over 200 MB.
      // 700,000 rows in pages of 5,000, plus the empty last page, plus at most MaxConcurrentRequests - 1
      // pages fetched ahead past the end.
      assertTrue(server.requests() >= 141 && server.requests() <= 144, "requests: " + server.requests());
    }
  }
}
