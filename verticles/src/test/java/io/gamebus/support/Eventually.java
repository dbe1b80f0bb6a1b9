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
}
