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

  /**
   * Both paths must work before they are timed; then {@code rounds} rounds, reference then gamebus
   * in each, printed side by side with their ratio.
   */
  static void compare(Vertx vertx, String what, String referencePath, Supplier<Future<?>> reference,
                      Supplier<Future<?>> gamebus, int calls, int window, int rounds) throws Exception {
    System.out.println("reference answers " + reference.get().await(5, TimeUnit.SECONDS));
    System.out.println("gamebus answers " + gamebus.get().await(5, TimeUnit.SECONDS));
    System.out.printf("pipelined %s round trips, %d calls per round, %d in flight, loopback%n", what, calls, window);
    for (int round = 1; round <= rounds; round++) {
      double ref = measure(vertx, reference, calls, window);
      double ours = measure(vertx, gamebus, calls, window);
      System.out.printf("round %d: reference (%s) %,.0f/s   gamebus (bus -> client role -> server role) %,.0f/s"
        + "   ratio %.2f%n", round, referencePath, ref, ours, ours / ref);
    }
  }

  /** A node of that one endpoint, its console on an ephemeral port. */
  /** {@code -Dmetrics=false}: Vert.x without metrics and no {@code /metrics}, to measure what they cost (default: on, as shipped). */
  static final boolean METRICS = !"false".equals(System.getProperty("metrics"));

  /** A Vert.x built as {@code Main} builds it, with or without metrics ({@link #METRICS}). */
  static Vertx vertx() throws Exception {
    return io.gamebus.launcher.VertxFactory.create(io.gamebus.config.GamebusConfig.fromJson(new io.vertx.core.json.JsonObject()
      .put("http", new io.vertx.core.json.JsonObject().put("metrics", METRICS)))).await(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  static io.gamebus.config.GamebusConfig node(io.vertx.core.json.JsonObject endpoint) {
    return io.gamebus.config.GamebusConfig.fromJson(new io.vertx.core.json.JsonObject()
      .put("http", new io.vertx.core.json.JsonObject().put("port", 0).put("metrics", METRICS))
      .put("endpoints", new io.vertx.core.json.JsonArray().add(endpoint)));
  }

  /** Completes once a client endpoint announces {@code connected} on that status address (subscribe before starting it). */
  static Future<Void> connected(Vertx vertx, String statusAddress) {
    Promise<Void> connected = Promise.promise();
    vertx.eventBus().<io.vertx.core.json.JsonObject>consumer(statusAddress, m -> {
      if ("connected".equals(m.body().getString("state"))) {
        connected.tryComplete();
      }
    });
    return connected.future();
  }
}
