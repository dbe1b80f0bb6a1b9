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

  /** The first capacity: most addresses see few envelopes, and a browser can name many addresses. */
  static final int INITIAL_CAPACITY = 16;

  private final int size;
  private final long maxAgeMs;
  private OutFrame[] frames;
  private long[] seqs;
  private long[] times;
  private int oldest;
  private int count;
  private long lastEvictedSeq = Long.MIN_VALUE;

  FanoutHistory(int size, long maxAgeMs) {
    this.size = size;
    this.maxAgeMs = maxAgeMs;
    // Grown on demand up to size: an address that is watched but quiet costs a few hundred bytes,
    // not size × 24 bytes (a page may register on hundreds of addresses).
    int capacity = Math.min(size, INITIAL_CAPACITY);
    this.frames = new OutFrame[capacity];
    this.seqs = new long[capacity];
    this.times = new long[capacity];
  }

  void add(long seq, OutFrame frame, long nowMs) {
    if (size == 0) {
      return;
    }
    if (count == frames.length) {
      if (frames.length < size) {
        grow();
      } else {
        evictOldest();
      }
    }
    int at = (oldest + count) % frames.length;
    frames[at] = frame;
    seqs[at] = seq;
    times[at] = nowMs;
    count++;
  }

  /** Doubles the ring (at most to size), oldest first at 0. */
  private void grow() {
    int capacity = (int) Math.min(size, frames.length * 2L);
    OutFrame[] moreFrames = new OutFrame[capacity];
    long[] moreSeqs = new long[capacity];
    long[] moreTimes = new long[capacity];
    for (int i = 0; i < count; i++) {
      int at = (oldest + i) % frames.length;
      moreFrames[i] = frames[at];
      moreSeqs[i] = seqs[at];
      moreTimes[i] = times[at];
    }
    frames = moreFrames;
    seqs = moreSeqs;
    times = moreTimes;
    oldest = 0;
  }

  /** Room for envelopes allocated now (grows with use up to the configured size). */
  int capacity() {
    return frames.length;
  }

  /** Whether nothing was ever kept: nothing to recover, so no reason to keep the address. */
  boolean neverUsed() {
    return count == 0 && lastEvictedSeq == Long.MIN_VALUE;
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
