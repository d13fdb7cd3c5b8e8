package dev.apiquery.scan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.Call;

/**
 * Aborts HTTP calls whose statement was cancelled. {@code Statement.cancel()} only sets a flag,
 * from another thread, while the scan's thread may be blocked waiting for a response or reading
 * a body; one daemon thread per JVM looks at the flags of the calls in flight every 50 ms and
 * cancels the call (OkHttp then fails the blocked read and returns the connection).
 */
public final class CancelWatchdog {
  private static final long PERIOD_MILLIS = 50;
  private static final Map<Call, BooleanSupplier> WATCHED = new ConcurrentHashMap<>();
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "apiquery-cancel-watchdog");
    t.setDaemon(true);
    return t;
  });

  static {
    TIMER.scheduleWithFixedDelay(CancelWatchdog::sweep, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  private CancelWatchdog() {}

  public static void watch(Call call, BooleanSupplier cancelled) {
    WATCHED.put(call, cancelled);
  }

  public static void unwatch(Call call) {
    WATCHED.remove(call);
  }

  private static void sweep() {
    WATCHED.forEach((call, cancelled) -> {
      if (cancelled.getAsBoolean()) {
        call.cancel();
        WATCHED.remove(call);
      }
    });
  }
}
