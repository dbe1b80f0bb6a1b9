package io.gamebus.endpoint;

import io.vertx.core.Vertx;

/**
 * One-shot timers, so the upstream link and the request channel can be driven by a fake clock in
 * tests instead of waiting on real time.
 */
public interface Timers {

  /** Runs {@code action} once after {@code delayMs} milliseconds; returns an id for {@link #cancel}. */
  long set(long delayMs, Runnable action);

  /** Cancels a timer; false when it already fired or was cancelled. */
  boolean cancel(long id);

  /** Vert.x timers on the caller's context. */
  static Timers of(Vertx vertx) {
    return new Timers() {
      @Override
      public long set(long delayMs, Runnable action) {
        return vertx.setTimer(delayMs, t -> action.run());
      }

      @Override
      public boolean cancel(long id) {
        return vertx.cancelTimer(id);
      }
    };
  }
}
