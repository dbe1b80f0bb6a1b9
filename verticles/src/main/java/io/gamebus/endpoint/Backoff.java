package io.gamebus.endpoint;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for client-role reconnects: delay n is
 * {@code min(max / (1 + jitter), initial * multiplier^n)} scaled by a random factor in
 * {@code [1-jitter, 1+jitter]}, so many clients restarted together do not reconnect in lockstep and
 * no delay exceeds {@code max} (the cap leaves room for the jitter instead of cutting it off, which
 * would put every client at the cap back in lockstep).
 */
public final class Backoff {

  private final long initialMs;
  private final long maxMs;
  private final double multiplier;
  private final double jitter;
  private int attempt;

  public Backoff(long initialMs, long maxMs, double multiplier, double jitter) {
    this.initialMs = initialMs;
    this.maxMs = maxMs;
    this.multiplier = multiplier;
    this.jitter = jitter;
  }

  /** The delay before the next attempt, in milliseconds; grows with each call. */
  public long nextDelayMs() {
    double base = Math.min(maxMs / (1 + jitter), initialMs * Math.pow(multiplier, attempt));
    attempt = Math.min(attempt + 1, 62);
    double factor = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    return Math.max(1, Math.min(maxMs, (long) Math.floor(base * factor)));
  }

  /** After a successful connection the next failure starts from the initial delay again. */
  public void reset() {
    attempt = 0;
  }

  public int attempts() {
    return attempt;
  }
}
