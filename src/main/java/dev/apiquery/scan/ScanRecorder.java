package dev.apiquery.scan;

/** Where scans report what they cost (the connection's {@code apiquery.scans} table). */
public interface ScanRecorder {
  /** A scan is about to send its first request; until {@link #record}, its counts are live. */
  default void started(ScanStats stats) {}

  /** The scan ended ({@code outcome}: complete, closed, failed: ...). */
  void record(ScanStats stats, String outcome);
}
