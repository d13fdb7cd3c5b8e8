package dev.apiquery.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time the hypervisor gave to other guests ("steal" in /proc/stat) while a benchmark ran,
 * as a share of all the machine's CPU time: on a shared virtual machine elapsed-time ratios move
 * with it, so a run prints it next to them. Linux only; elsewhere the share is unknown (-1).
 */
final class HostSteal {
  private final long steal;
  private final long total;

  private HostSteal(long steal, long total) {
    this.steal = steal;
    this.total = total;
  }

  static HostSteal now() {
    try {
      // "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in clock ticks
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i <= 8 && i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      return new HostSteal(f.length > 8 ? Long.parseLong(f[8]) : 0, total);
    } catch (IOException | RuntimeException e) {
      return new HostSteal(-1, -1);
    }
  }

  /** Steal since {@code before} as a share of the machine's CPU time, or -1 when unknown. */
  double shareSince(HostSteal before) {
    if (before.total < 0 || total < 0 || total == before.total) {
      return -1;
    }
    return (double) (steal - before.steal) / (total - before.total);
  }
}
