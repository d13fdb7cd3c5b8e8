package dev.apiquery.response;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A large body for streaming tests, generated lazily: head, then part(0..count-1), then tail, one
 * part at a time, so the test never holds it whole.
 */
final class GeneratedBody extends InputStream {
  private final IntFunction<String> part;
  private final int count;
  private final String tail;
  private byte[] chunk;
  private int pos;
  private int next;
  private boolean done;
  long served;
  Runnable atMidpoint;

  GeneratedBody(String head, IntFunction<String> part, int count, String tail) {
    this.chunk = head.getBytes(StandardCharsets.UTF_8);
    this.part = part;
    this.count = count;
    this.tail = tail;
  }

  private boolean refill() {
    if (done) {
      return false;
    }
    String text;
    if (next < count) {
      text = part.apply(next++);
      if (next == count / 2 && atMidpoint != null) {
        atMidpoint.run();
      }
    } else {
      text = tail;
      done = true;
    }
    chunk = text.getBytes(StandardCharsets.UTF_8);
    pos = 0;
    return true;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    while (pos >= chunk.length) {
      if (!refill()) {
        return -1;
      }
    }
    int n = Math.min(len, chunk.length - pos);
    System.arraycopy(chunk, pos, b, off, n);
    pos += n;
    served += n;
    return n;
  }

  /** Used heap after a few GCs: the baseline the streaming tests compare against. */
  static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
