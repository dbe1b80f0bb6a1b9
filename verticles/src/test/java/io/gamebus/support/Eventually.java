package io.gamebus.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/** Waits for a condition that becomes true later (an entry expiring): asked again every period. */
public final class Eventually {

  private Eventually() {
  }

  /** Completes once {@code check} answers true; the caller's timeout bounds the wait. */
  public static Future<Void> until(Vertx vertx, long periodMs, Supplier<Future<Boolean>> check) {
    Promise<Void> done = Promise.promise();
    vertx.setPeriodic(periodMs, timer -> check.get().onSuccess(ok -> {
      if (ok) {
        vertx.cancelTimer(timer);
        done.tryComplete();
      }
    }));
    return done.future();
  }

  /**
   * Blocks the test thread until {@code value} gives non-null (asked every 20 ms), for at most 20 s;
   * fails with {@code what} otherwise. For conditions fed by bus consumers on other threads.
   */
  public static <T> T value(Supplier<T> value, String what) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      T v = value.get();
      if (v != null) {
        return v;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
    throw new AssertionError("never saw " + what);
  }
}
