package dev.apiquery.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>Java threads are told apart by id (OkHttp renames its task threads while they run); the name
 * at the end of the run decides the role. The JVM's own threads (compilers, GC) are read from
 * /proc/self/task on Linux; elsewhere their time is in "other".
 */
final class ThreadCpu {
  enum Role {
    CLIENT("client thread"),
    FETCH("fetch threads (the driver's, or the parallel raw loop's)"),
    SERVER("loopback server"),
    HTTP_HOUSEKEEPING("OkHttp/Okio housekeeping"),
    JIT("JIT compilers"),
    GC("GC and VM threads"),
    OTHER("other");

    final String label;

    Role(String label) {
      this.label = label;
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** One of the JVM's own threads (a compiler or GC thread): its role and CPU time so far. */
  private record JvmThread(Role role, long nanos) {}

  private final Map<Long, Long> threadNanos;
  /** The JVM's own threads by native id. */
  private final Map<String, JvmThread> jvmThreads;
  private final long processNanos;
  private final long wallNanos;

  private ThreadCpu(Map<Long, Long> threadNanos, Map<String, JvmThread> jvmThreads, long processNanos, long wallNanos) {
    this.threadNanos = threadNanos;
    this.jvmThreads = jvmThreads;
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
    return new ThreadCpu(nanos, jvmThreads(), OS.getProcessCpuTime(), System.nanoTime());
  }

  /** The compiler and GC threads' CPU time (schedstat: nanoseconds on the CPU), Linux only. */
  private static Map<String, JvmThread> jvmThreads() {
    Map<String, JvmThread> threads = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        try {
          String comm = Files.readString(task.resolve("comm")).trim();
          Role role = comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? Role.JIT
              : comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread") ? Role.GC
              : null;
          if (role != null) {
            long nanos = Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split("\\s+")[0]);
            threads.put(task.getFileName().toString(), new JvmThread(role, nanos));
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended while it was read
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: their time stays in "other"
    }
    return threads;
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
    long jvm = 0;
    for (Map.Entry<String, JvmThread> e : after.jvmThreads.entrySet()) {
      JvmThread earlier = before.jvmThreads.get(e.getKey());
      long used = e.getValue().nanos() - (earlier == null ? 0 : earlier.nanos());
      jvm += used;
      nanos.merge(e.getValue().role(), used, Long::sum);
    }
    nanos.merge(Role.OTHER, Math.max(0, after.processNanos - before.processNanos - java - jvm), Long::sum);
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
    if (name.startsWith("apiquery-page") || name.startsWith(ParallelBareLoop.THREAD_PREFIX)) {
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
