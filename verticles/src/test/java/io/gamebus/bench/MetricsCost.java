package io.gamebus.bench;

import io.gamebus.config.GamebusConfig;
import io.gamebus.launcher.VertxFactory;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Load generator (not a unit test): what metrics cost per message. Two Vert.x instances built as
 * {@code Main} builds them, one with metrics ({@code http.metrics} true, the default) and one
 * without, run the same pipelined local event-bus request/reply loop in alternate rounds (so both
 * share whatever else the machine does); then the cost of one call-timer record as gamebus's
 * {@code .request} and handler-call timers do it. Options: {@code -Dcalls} per round (default
 * 300,000), {@code -Dwindow} in flight (64), {@code -Drounds} (6).
 */
public final class MetricsCost {

  public static void main(String[] args) throws Exception {
    int calls = Integer.getInteger("calls", 300_000);
    int window = Integer.getInteger("window", 64);
    int rounds = Integer.getInteger("rounds", 6);
    Vertx off = vertx(false);
    Vertx on = vertx(true);
    try {
      for (Vertx v : new Vertx[] {off, on}) {
        v.eventBus().<JsonObject>consumer("bench.echo", m -> m.reply(m.body()));
      }
      System.out.printf("local event-bus request/reply, %,d calls per round, %d in flight%n", calls, window);
      for (int round = 1; round <= rounds; round++) {
        double without = rate(off, calls, window);
        double with = rate(on, calls, window);
        System.out.printf("round %d: metrics off %,.0f/s   metrics on %,.0f/s   ratio %.2f%n", round, without, with, with / without);
      }
    } finally {
      off.close().await(10, TimeUnit.SECONDS);
      on.close().await(10, TimeUnit.SECONDS);
    }
    timerCost();
  }

  private static Vertx vertx(boolean metrics) throws Exception {
    return VertxFactory.create(GamebusConfig.fromJson(new JsonObject().put("http", new JsonObject().put("metrics", metrics))))
      .await(10, TimeUnit.SECONDS);
  }

  /** Requests per second: {@code window} in flight, each reply sends the next, from an event loop. */
  private static double rate(Vertx vertx, int calls, int window) throws Exception {
    Promise<Long> done = Promise.promise();
    JsonObject body = new JsonObject().put("method", "BENCH__PING");
    vertx.runOnContext(v -> {
      long start = System.nanoTime();
      int[] sent = {0};
      int[] answered = {0};
      Runnable[] next = new Runnable[1];
      next[0] = () -> {
        sent[0]++;
        vertx.eventBus().request("bench.echo", body).onComplete(r -> {
          if (++answered[0] == calls) {
            done.complete(System.nanoTime() - start);
          } else if (sent[0] < calls) {
            next[0].run();
          }
        });
      };
      for (int i = 0; i < window; i++) {
        next[0].run();
      }
    });
    long nanos = done.future().await(120, TimeUnit.SECONDS);
    return calls * 1e9 / nanos;
  }

  /** ns per call timed as EndpointMeters does: two nanoTime and one record into a histogram with 8 buckets. */
  private static void timerCost() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Timer timer = Timer.builder("bench").serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5),
      Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5),
      Duration.ofSeconds(30)).register(registry);
    int n = 5_000_000;
    for (int round = 1; round <= 3; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        timer.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
      }
      System.out.printf("call timer: %.0f ns per call (round %d)%n", (System.nanoTime() - start) / (double) n, round);
    }
  }
}
