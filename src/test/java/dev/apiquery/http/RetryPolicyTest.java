package dev.apiquery.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void retryAfterInSecondsOrAsAnHttpDate() {
    long now = ZonedDateTime.of(2026, 11, 28, 12, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
    assertEquals(7_000, RetryPolicy.retryAfterMillis("7", now));
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.of(2026, 11, 28, 12, 0, 30, 0, ZoneOffset.UTC));
    assertEquals(30_000, RetryPolicy.retryAfterMillis(date, now));
    assertEquals(0, RetryPolicy.retryAfterMillis("Sat, 28 Nov 2026 11:00:00 GMT", now), "a date in the past: at once");
    assertEquals(-1, RetryPolicy.retryAfterMillis("soon", now));
    assertEquals(-1, RetryPolicy.retryAfterMillis(null, now));
  }

  @Test
  void backoffGrowsExponentiallyWithJitterAndIsCapped() {
    RetryPolicy policy = new RetryPolicy(4, 3_000, 500);
    for (int i = 0; i < 50; i++) {
      long first = policy.backoffMillis(0);
      long third = policy.backoffMillis(2);
      long late = policy.backoffMillis(10);
      assertTrue(first >= 250 && first <= 500, "first " + first);
      assertTrue(third >= 1_000 && third <= 2_000, "third " + third);
      assertTrue(late >= 1_500 && late <= 3_000, "capped " + late);
    }
  }
}
