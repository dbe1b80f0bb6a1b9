package io.gamebus.bridge;

import java.util.function.Consumer;

/**
 * The last envelopes of one address, bounded in count and age, so a browser that reconnects can
 * get what it missed. An envelope is found by its {@code seq}; recovery from a {@code seq} is
 * complete when that envelope is still here (or was the last one evicted), so nothing after it
 * was lost. {@code seq} grows per endpoint and node: with the same endpoint name publishing from
 * several nodes onto one address, a {@code seq} names one node's envelope, so ask from one node's
 * endpoint. Used on the bridge's event loop only.
 */
final class FanoutHistory {

  private final OutFrame[] frames;
  private final long[] seqs;
  private final long[] times;
  private final long maxAgeMs;
  private int oldest;
  private int count;
  private long lastEvictedSeq = Long.MIN_VALUE;

  FanoutHistory(int size, long maxAgeMs) {
    this.frames = new OutFrame[size];
    this.seqs = new long[size];
    this.times = new long[size];
    this.maxAgeMs = maxAgeMs;
  }

  void add(long seq, OutFrame frame, long nowMs) {
    if (frames.length == 0) {
      return;
    }
    if (count == frames.length) {
      evictOldest();
    }
    int at = (oldest + count) % frames.length;
    frames[at] = frame;
    seqs[at] = seq;
    times[at] = nowMs;
    count++;
  }

  /** Envelopes kept now. */
  int size() {
    return count;
  }

  /**
   * Hands every kept envelope after {@code lastSeq} to {@code replay}, oldest first; returns
   * whether that is everything published after it (false: a gap, or an unknown {@code seq}).
   */
  boolean replayAfter(long lastSeq, long nowMs, Consumer<OutFrame> replay) {
    dropExpired(nowMs);
    boolean found = lastEvictedSeq == lastSeq;
    boolean after = found;
    for (int i = 0; i < count; i++) {
      int at = (oldest + i) % frames.length;
      if (after) {
        replay.accept(frames[at]);
      } else if (seqs[at] == lastSeq) {
        found = true;
        after = true;
      }
    }
    if (!found) {
      // The browser's seq is not here: hand it everything newer than it, and say there is a gap.
      for (int i = 0; i < count; i++) {
        int at = (oldest + i) % frames.length;
        if (seqs[at] > lastSeq) {
          replay.accept(frames[at]);
        }
      }
    }
    return found;
  }

  void dropExpired(long nowMs) {
    while (count > 0 && nowMs - times[oldest] > maxAgeMs) {
      evictOldest();
    }
  }

  private void evictOldest() {
    lastEvictedSeq = seqs[oldest];
    frames[oldest] = null;
    oldest = (oldest + 1) % frames.length;
    count--;
  }
}
