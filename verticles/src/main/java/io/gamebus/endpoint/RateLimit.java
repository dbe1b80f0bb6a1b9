package io.gamebus.endpoint;

/**
 * Messages per second of one connection, counted in one-second windows: cheap enough to check on
 * every message. {@code 0} means unlimited.
 */
public final class RateLimit {

  private final int perSecond;
  private long windowStart;
  private int count;

  public RateLimit(int perSecond) {
    this.perSecond = perSecond;
  }

  /** Counts one message at {@code nowMs}; false when it is over the limit. */
  public boolean allow(long nowMs) {
    if (perSecond <= 0) {
      return true;
    }
    if (nowMs - windowStart >= 1000) {
      windowStart = nowMs;
      count = 0;
    }
    return ++count <= perSecond;
  }
}
