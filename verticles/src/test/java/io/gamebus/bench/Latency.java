package io.gamebus.bench;

import java.util.Arrays;

/** A latency distribution reduced to what the report prints, so the samples can be let go. */
record Latency(long p50Nanos, long p99Nanos, long maxNanos, int samples) {

  /** From unsorted samples in ns (sorted in place). */
  static Latency of(long[] nanos) {
    Arrays.sort(nanos);
    if (nanos.length == 0) {
      return new Latency(0, 0, 0, 0);
    }
    return new Latency(percentile(nanos, 50), percentile(nanos, 99), nanos[nanos.length - 1], nanos.length);
  }

  /** {@code p50 | p99 | max | samples}, in ms, as Markdown table cells. */
  String cells() {
    if (samples == 0) {
      return "- | - | - | 0";
    }
    return String.format("%.2f | %.2f | %.2f | %,d", p50Nanos / 1e6, p99Nanos / 1e6, maxNanos / 1e6, samples);
  }

  private static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
