package dev.apiquery.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before retrying a GET: {@code MaxRetries} attempts after the first,
 * exponential backoff with jitter capped by {@code MaxRetryWait}, or the API's own
 * {@code Retry-After} (seconds or an HTTP date) when it sends one. A {@code Retry-After} longer
 * than {@code MaxRetryWait} is not waited out: the query fails at once and says so.
 *
 * @param maxRetries retries after the first attempt
 * @param maxWaitMillis the longest single wait
 * @param baseMillis the first backoff step
 */
public record RetryPolicy(int maxRetries, long maxWaitMillis, long baseMillis) {
  public static final long DEFAULT_BASE_MILLIS = 500;

  /** The wait before retry number {@code attempt + 1} when the API said nothing. */
  long backoffMillis(int attempt) {
    long exponential = baseMillis << Math.min(attempt, 20);
    long capped = Math.min(maxWaitMillis, exponential);
    // Half fixed, half random: spread clients that failed together without waiting too little.
    return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
  }

  /**
   * Milliseconds a {@code Retry-After} value asks for; -1 when absent or unreadable.
   */
  static long retryAfterMillis(String header, long nowMillis) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    String value = header.trim();
    try {
      return Math.max(0, Long.parseLong(value) * 1000);
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, Duration.between(java.time.Instant.ofEpochMilli(nowMillis), at.toInstant()).toMillis());
      } catch (DateTimeParseException e2) {
        return -1;
      }
    }
  }
}
