package dev.apiquery.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class HostRateLimiterTest {
  @Test
  void resetIsDeltaSecondsOrGitHubsEpochSeconds() {
    long now = 1_800_000_000_000L;
    assertEquals(30_000, HostRateLimiter.resetMillis("30", now));
    assertEquals(60_000, HostRateLimiter.resetMillis(Long.toString(now / 1000 + 60), now));
    assertEquals(-1, HostRateLimiter.resetMillis("later", now));
  }

  @Test
  void theTokenBucketSpacesReservationsPerHost() {
    HostRateLimiter.reset();
    // A pinned clock: the waits are the bucket's arithmetic, not how busy the machine is.
    long now = System.nanoTime();
    long ms = 1_000_000L;
    assertEquals(0, HostRateLimiter.reserve("a.test", 10, now));
    assertEquals(100, HostRateLimiter.reserve("a.test", 10, now), "10 per second: the next slot is 100 ms on");
    assertEquals(170, HostRateLimiter.reserve("a.test", 10, now + 30 * ms), "slots queue up: 200 ms from the start");
    assertEquals(0, HostRateLimiter.reserve("a.test", 10, now + 1_000 * ms), "an idle bucket starts afresh");
    assertEquals(0, HostRateLimiter.reserve("b.test", 10, now), "another host has its own bucket");
    assertEquals(0, HostRateLimiter.reserve("c.test", 0, now), "0 is off");
    assertEquals(0, HostRateLimiter.reserve("c.test", 0, now), "0 is off, every time");
  }

  @Test
  void aSpentXRateLimitBudgetPausesTheHost() {
    HostRateLimiter.reset();
    HostRateLimiter.observe("gh.test", Headers.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset",
        Long.toString(System.currentTimeMillis() / 1000 + 3)));
    long wait = HostRateLimiter.reserve("gh.test", 0);
    assertTrue(wait > 1_000 && wait <= 3_000, "paused until the reset: " + wait);
    HostRateLimiter.observe("ok.test", Headers.of("X-RateLimit-Remaining", "10", "X-RateLimit-Reset", "60"));
    assertEquals(0, HostRateLimiter.reserve("ok.test", 0));
    HostRateLimiter.reset();
  }
}
