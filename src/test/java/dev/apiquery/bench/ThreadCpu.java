package dev.apiquery.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a benchmark run's CPU went, by role: the client's thread (the raw loop, or the JDBC
 * consumer), the driver's fetch threads, the loopback server, OkHttp's housekeeping, and the rest
 * of the process (JIT compilers, GC, threads that ended during the run). On 2 cores the loopback
 * server and the JIT share the machine with the client, so how many cores each side could use
 * explains its elapsed-time ratio better than its CPU ratio alone.
 *
 * <p>Threads are told apart by id (OkHttp renames its task threads while they run); the name at
 * the end of the run decides the role.
 */
final class ThreadCpu {
  enum Role {
    CLIENT("client thread"),
    FETCH("driver's fetch threads"),
    SERVER("loopback server"),
    HTTP_HOUSEKEEPING("OkHttp/Okio housekeeping"),
    OTHER("JIT, GC, other");

    final String label;

    Role(String label) {
      this.label = label;
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final Map<Long, Long> threadNanos;
  private final long processNanos;
  private final long wallNanos;

  private ThreadCpu(Map<Long, Long> threadNanos, long processNanos, long wallNanos) {
    this.threadNanos = threadNanos;
    this.processNanos = processNanos;
    this.wallNanos = wallNanos;
  }

  static ThreadCpu now() {
    Map<Long, Long> nanos = new HashMap<>();
    for (long id : THREADS.getAllThreadIds()) {
      long cpu = THREADS.getThreadCpuTime(id);
      if (cpu > 0) {
        nanos.put(id, cpu);
      }
    }
    return new ThreadCpu(nanos, OS.getProcessCpuTime(), System.nanoTime());
  }

  /** Cores used by each role between {@code before} and now (CPU seconds over elapsed seconds). */
  static Map<Role, Double> coresSince(ThreadCpu before) {
    ThreadCpu after = now();
    Map<Role, Long> nanos = new EnumMap<>(Role.class);
    long java = 0;
    for (ThreadInfo info : THREADS.getThreadInfo(after.threadNanos.keySet().stream().mapToLong(Long::longValue).toArray())) {
      if (info == null) {
        continue;
      }
      long id = info.getThreadId();
      long used = after.threadNanos.get(id) - before.threadNanos.getOrDefault(id, 0L);
      java += used;
      nanos.merge(role(info.getThreadName()), used, Long::sum);
    }
    nanos.merge(Role.OTHER, Math.max(0, after.processNanos - before.processNanos - java), Long::sum);
    double wall = after.wallNanos - before.wallNanos;
    Map<Role, Double> cores = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      cores.put(role, nanos.getOrDefault(role, 0L) / wall);
    }
    return cores;
  }

  private static Role role(String name) {
    if (name.equals("main")) {
      return Role.CLIENT;
    }
    if (name.startsWith("apiquery-page")) {
      return Role.FETCH;
    }
    if (name.startsWith(PagedJsonServer.THREAD_PREFIX) || name.startsWith("HTTP-Dispatcher")) {
      return Role.SERVER;
    }
    if (name.startsWith("OkHttp") || name.startsWith("Okio")) {
      return Role.HTTP_HOUSEKEEPING;
    }
    return Role.OTHER;
  }

  /** "1.52 cores: client thread 0.80, ..." with the roles that used any. */
  static String describe(Map<Role, Double> cores) {
    double total = cores.values().stream().mapToDouble(Double::doubleValue).sum();
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.2f cores:", total));
    String sep = " ";
    for (Map.Entry<Role, Double> e : cores.entrySet()) {
      if (e.getValue() >= 0.005) {
        sb.append(sep).append(e.getKey().label).append(String.format(Locale.ROOT, " %.2f", e.getValue()));
        sep = ", ";
      }
    }
    return sb.toString();
  }
}
