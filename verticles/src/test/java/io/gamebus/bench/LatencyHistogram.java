package io.gamebus.bench;

/**
 * Latencies counted in 1 us buckets up to 1 s (the wall clock the cross-process figures rest on
 * reads whole microseconds anyway), so a client can time every delivery of a long window without
 * allocating: a growing array of samples made the subscribers' JVM collect, 240 ms once, inside
 * the window it measured. One writer thread; read once it has stopped.
 */
final class LatencyHistogram {

  private static final int LIMIT_MICROS = 1_000_000;

  /** counts[us]: deliveries that took {@code us} microseconds; the last bucket holds everything from 1 s. */
  private final int[] counts = new int[LIMIT_MICROS + 1];
  private int samples;
  private long maxNanos;

  void record(long nanos) {
    int micros = (int) Math.max(0, Math.min(LIMIT_MICROS, nanos / 1_000));
    counts[micros]++;
    samples++;
    maxNanos = Math.max(maxNanos, nanos);
  }

  void clear() {
    java.util.Arrays.fill(counts, 0);
    samples = 0;
    maxNanos = 0;
  }

  /** p50, p99 (to the microsecond), the exact max, and the count. */
  Latency latency() {
    if (samples == 0) {
      return new Latency(0, 0, 0, 0);
    }
    return new Latency(percentileNanos(50), percentileNanos(99), maxNanos, samples);
  }

  /** The same rank as {@link Latency#of}: the ceil(p% × n)-th smallest. */
  private long percentileNanos(double p) {
    long rank = Math.max(1, (long) Math.ceil(p / 100 * samples));
    long seen = 0;
    for (int micros = 0; micros < counts.length; micros++) {
      seen += counts[micros];
      if (seen >= rank) {
        return micros * 1_000L;
      }
    }
    return maxNanos;
  }
}
