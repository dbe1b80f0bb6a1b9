package io.gamebus.config;

import io.vertx.core.json.JsonObject;

/**
 * How a client endpoint reconnects after losing its server: exponential backoff with jitter.
 * The n-th retry (n from 0) waits {@code min(maxDelayMs, initialDelayMs * multiplier^n)}, spread
 * by ±{@code jitter} so that many clients do not return in step.
 *
 * <pre>{@code "reconnect": {"initialDelayMs": 500, "maxDelayMs": 30000, "multiplier": 2.0, "jitter": 0.2}}</pre>
 */
public final class ReconnectConfig extends ConfigObject {

  public static final long DEFAULT_INITIAL_DELAY_MS = 500;
  public static final long DEFAULT_MAX_DELAY_MS = 30_000;
  public static final double DEFAULT_MULTIPLIER = 2.0;
  public static final double DEFAULT_JITTER = 0.2;

  private final long initialDelayMs;
  private final long maxDelayMs;
  private final double multiplier;
  private final double jitter;

  ReconnectConfig(JsonFields f) {
    initialDelayMs = f.number("initialDelayMs", DEFAULT_INITIAL_DELAY_MS, 1, Long.MAX_VALUE);
    maxDelayMs = f.number("maxDelayMs", Math.max(DEFAULT_MAX_DELAY_MS, initialDelayMs), 1, Long.MAX_VALUE);
    if (maxDelayMs < initialDelayMs) {
      throw f.error("maxDelayMs", maxDelayMs + " is less than initialDelayMs (" + initialDelayMs + ")");
    }
    // Below 1 the delays would shrink and a dead server would be hammered.
    multiplier = f.decimal("multiplier", DEFAULT_MULTIPLIER, 1.0, 100.0);
    jitter = f.decimal("jitter", DEFAULT_JITTER, 0.0, 1.0);
    f.done();
  }

  public static ReconnectConfig fromJson(JsonObject json) {
    return new ReconnectConfig(JsonFields.of(json, "reconnect"));
  }

  /** All defaults. */
  public static ReconnectConfig defaults() {
    return fromJson(new JsonObject());
  }

  /** Wait before the first retry, in ms; default 500. */
  public long initialDelayMs() {
    return initialDelayMs;
  }

  /** Longest wait between retries, in ms; default 30000 (or initialDelayMs, if larger). */
  public long maxDelayMs() {
    return maxDelayMs;
  }

  /** Growth of the wait per failed attempt, 1..100; default 2.0. */
  public double multiplier() {
    return multiplier;
  }

  /** Random spread of each wait as a fraction of it, 0..1; default 0.2 (±20%). */
  public double jitter() {
    return jitter;
  }

  /**
   * The wait before retry {@code attempt} (0 for the first), in ms.
   *
   * @param random a uniform random number in [0, 1), e.g. {@code ThreadLocalRandom.current().nextDouble()}
   */
  public long delayMs(int attempt, double random) {
    double base = Math.min(maxDelayMs, initialDelayMs * Math.pow(multiplier, Math.max(0, attempt)));
    double spread = base * jitter * (2 * random - 1);
    return Math.max(1, Math.min(maxDelayMs, Math.round(base + spread)));
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("initialDelayMs", initialDelayMs)
        .put("maxDelayMs", maxDelayMs)
        .put("multiplier", multiplier)
        .put("jitter", jitter);
  }
}
