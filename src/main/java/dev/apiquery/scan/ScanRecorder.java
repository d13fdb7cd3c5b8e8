package dev.apiquery.scan;

/** Where finished scans report what they cost (the connection's {@code apiquery.scans} table). */
public interface ScanRecorder {
  void record(ScanStats stats, String outcome);
}
