package io.gamebus.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The load generators' one measurement: pipelined calls per second with a fixed window in flight. */
final class RoundTripRate {

  private RoundTripRate() {
  }

  /** Calls per second with {@code window} calls in flight, started from the event loop; bounded to 120 s. */
  static double measure(Vertx vertx, Supplier<Future<?>> call, int calls, int window) throws Exception {
    Promise<Long> done = Promise.promise();
    AtomicInteger started = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    vertx.runOnContext(v -> {
      long t0 = System.nanoTime();
      Runnable[] next = new Runnable[1];
      next[0] = () -> {
        if (started.getAndIncrement() >= calls) {
          return;
        }
        call.get().onComplete(r -> {
          if (r.failed()) {
            done.tryFail(r.cause());
          } else if (finished.incrementAndGet() == calls) {
            done.tryComplete(System.nanoTime() - t0);
          } else {
            next[0].run();
          }
        });
      };
      for (int i = 0; i < window; i++) {
        next[0].run();
      }
    });
    long nanos = done.future().await(120, TimeUnit.SECONDS);
    return calls / (nanos / 1e9);
  }
}
