package io.gamebus.bench;

import io.vertx.core.buffer.Buffer;

/**
 * Cheap reads of the fan-out benchmark's frames without parsing JSON: the publisher puts its
 * index and publish time in the envelope body under keys that occur nowhere else, so a scan for
 * the key and the digits after it is enough, whether the envelope is plain JSON or escaped inside
 * a SockJS {@code a["..."]} frame.
 */
final class Frames {

  static final String INDEX_KEY = "benchIndex";
  static final String SENT_KEY = "sentNanos";
  /**
   * Publish time as epoch microseconds ({@link java.time.Instant#now()}, CLOCK_REALTIME on Linux),
   * carried instead of {@link #SENT_KEY} when the subscribers run in another JVM:
   * {@link System#nanoTime()} is not comparable across processes, the wall clock is.
   */
  static final String EPOCH_KEY = "sentEpochMicros";
  /** {@link System#nanoTime()} may be negative; times on the wire count from here, so they are not. */
  private static final long ORIGIN = System.nanoTime();

  private Frames() {
  }

  /** Nanoseconds since this class was loaded: publisher and subscribers share the JVM and the clock. */
  static long now() {
    return System.nanoTime() - ORIGIN;
  }

  /** Microseconds since the epoch, from the wall clock both processes of a latency run read. */
  static long epochMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  /**
   * The smallest step seen between two different readings of {@link java.time.Instant#now()}, in ns:
   * the resolution of the clock the cross-process latencies rest on.
   */
  static long wallClockStepNanos() {
    long smallest = Long.MAX_VALUE;
    for (int i = 0; i < 1_000; i++) {
      java.time.Instant a = java.time.Instant.now();
      java.time.Instant b = java.time.Instant.now();
      while (b.equals(a)) {
        b = java.time.Instant.now();
      }
      smallest = Math.min(smallest, java.time.Duration.between(a, b).toNanos());
    }
    return smallest;
  }

  /** The number after the first occurrence of {@code key}, or -1 if the key is absent. */
  static long number(Buffer frame, String key) {
    int at = find(frame, key, 0);
    return at < 0 ? -1 : digitsAfter(frame, at + key.length());
  }

  /** The number after the last occurrence of {@code key} (the last message of a SockJS array), or -1. */
  static long lastNumber(Buffer frame, String key) {
    long last = -1;
    for (int at = find(frame, key, 0); at >= 0; at = find(frame, key, at + key.length())) {
      last = digitsAfter(frame, at + key.length());
    }
    return last;
  }

  /** The messages of a SockJS {@code a[...]} frame: its top-level strings. */
  static int sockJsElements(Buffer frame) {
    int count = 0;
    boolean inString = false;
    for (int i = 2; i < frame.length(); i++) {
      byte b = frame.getByte(i);
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
        count++;
      }
    }
    return count;
  }

  private static int find(Buffer frame, String key, int from) {
    int last = frame.length() - key.length();
    outer:
    for (int i = from; i <= last; i++) {
      for (int k = 0; k < key.length(); k++) {
        if (frame.getByte(i + k) != key.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Skips the quote, colon and escapes between a key and its value, then reads the digits. */
  private static long digitsAfter(Buffer frame, int from) {
    int i = from;
    while (i < frame.length() && !isDigit(frame.getByte(i))) {
      i++;
    }
    long value = -1;
    for (; i < frame.length() && isDigit(frame.getByte(i)); i++) {
      value = (value < 0 ? 0 : value * 10) + (frame.getByte(i) - '0');
    }
    return value;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
