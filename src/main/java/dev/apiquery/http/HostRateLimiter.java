package dev.apiquery.http;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;

/**
 * Request pacing per host, shared by every connection in the JVM: a token bucket for
 * {@code RateLimit} (requests per second), and a pause until the reset when the API announces
 * that its budget is spent ({@code RateLimit-Remaining: 0} with {@code RateLimit-Reset}, or the
 * {@code X-RateLimit-*} forms), so that the driver waits instead of hammering into 429s.
 */
public final class HostRateLimiter {
  private static final Map<String, HostState> HOSTS = new ConcurrentHashMap<>();

  private HostRateLimiter() {}

  /**
   * Reserves the next request slot for {@code host} and returns how long to wait before sending
   * it (0 for at once).
   *
   * @param perSecond {@code RateLimit}; 0 or less for no client-side limit
   */
  public static long reserve(String host, double perSecond) {
    return reserve(host, perSecond, System.nanoTime());
  }

  /** {@link #reserve(String, double)} at a given {@link System#nanoTime()} (tests pin the clock). */
  static long reserve(String host, double perSecond, long nowNanos) {
    HostState state = HOSTS.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new HostState());
    return state.reserve(perSecond, nowNanos);
  }

  /** Reads an API's budget headers; a spent budget pauses the host until its reset. */
  public static void observe(String host, Headers headers) {
    String remaining = first(headers, "RateLimit-Remaining", "X-RateLimit-Remaining");
    if (remaining == null) {
      return;
    }
    long left;
    try {
      left = Long.parseLong(remaining.trim());
    } catch (NumberFormatException e) {
      return;
    }
    if (left > 0) {
      return;
    }
    long resetMillis = resetMillis(first(headers, "RateLimit-Reset", "X-RateLimit-Reset"), System.currentTimeMillis());
    if (resetMillis > 0) {
      HOSTS.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new HostState())
          .pauseUntil(System.nanoTime() + resetMillis * 1_000_000L);
    }
  }

  /**
   * Milliseconds until a reset header's time: delta seconds (the IETF draft), or epoch seconds
   * (GitHub's {@code X-RateLimit-Reset}) when the number is that large.
   */
  static long resetMillis(String value, long nowMillis) {
    if (value == null) {
      return -1;
    }
    try {
      long n = Long.parseLong(value.trim());
      if (n > 1_000_000_000L) {
        return Math.max(0, n * 1000 - nowMillis);
      }
      return Math.max(0, n * 1000);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String first(Headers headers, String... names) {
    for (String name : names) {
      String value = headers.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Forgets every host's state (tests). */
  static void reset() {
    HOSTS.clear();
  }

  private static final class HostState {
    private long nextFreeNanos;
    private long pausedUntilNanos;

    synchronized long reserve(double perSecond, long now) {
      long start = Math.max(now, pausedUntilNanos);
      if (perSecond > 0) {
        long interval = (long) (1_000_000_000L / perSecond);
        start = Math.max(start, nextFreeNanos);
        nextFreeNanos = start + interval;
      }
      return Math.max(0, (start - now) / 1_000_000L);
    }

    synchronized void pauseUntil(long nanos) {
      pausedUntilNanos = Math.max(pausedUntilNanos, nanos);
    }
  }
}
