package io.gamebus.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The subscribers of a fan-out latency run in a JVM of their own (started by
 * {@link FanoutLatencyProcess}), so that their allocation and garbage collection do not pause the
 * server measured. Arguments: the WebSocket URL ({@code ws://127.0.0.1:port/path}), the number of
 * subscribers, the event loops to spread them over, and the client: {@code vertx}, the same
 * {@link FanoutSubscribers} client as in one JVM, or {@code raw}, the bare NIO {@link RawSubscribers}
 * (one thread; the loops are ignored). Both read publish times from the wall clock
 * ({@link Frames#EPOCH_KEY}).
 *
 * <p>Line protocol, child's stdout to parent: {@code P <index>} every {@value #PROGRESS_EVERY_MS} ms
 * (the publish index the slowest subscriber expects next: the publisher's window), {@code READY
 * <clock step ns>} once every subscriber has had a message, {@code RESULT <samples> <p50 ns> <p99 ns>
 * <max ns> <deliveries/s> <this JVM's window summary>} after a measurement. Parent to child's stdin:
 * {@code MEASURE <seconds>}, then {@code EXIT} (or end of input).
 */
public final class FanoutLatencyClient {

  static final int PROGRESS_EVERY_MS = 2;
  private static final long READY_LIMIT_MS = 60_000;

  private FanoutLatencyClient() {
  }

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    URI url = URI.create(args[0]);
    int n = Integer.parseInt(args[1]);
    int loops = Integer.parseInt(args[2]);
    boolean raw = args.length > 3 && args[3].equals("raw");
    PrintStream out = System.out;
    Vertx vertx = raw ? null : Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    SubscriberGroup group = raw ? new RawSubscribers(url.getPort(), url.getPath(), n) : vertxClient(vertx, loops, url, n);
    Thread progress = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          out.println("P " + group.slowestNext());
          Thread.sleep(PROGRESS_EVERY_MS);
        }
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    }, "progress");
    progress.setDaemon(true);
    progress.start();

    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_LIMIT_MS);
    while (!group.allReady()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not every subscriber got a message; a frame one got instead: "
          + group.firstUnexpected());
      }
      Thread.sleep(5);
    }
    out.println("READY " + Frames.wallClockStepNanos());

    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null && !line.equals("EXIT"); line = in.readLine()) {
      if (line.startsWith("MEASURE ")) {
        out.println("RESULT " + measure(group, Integer.parseInt(line.substring(8).trim())));
      }
    }
    progress.interrupt();
    group.shutdown();
    if (vertx != null) {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
    System.exit(0);
  }

  private static SubscriberGroup vertxClient(Vertx vertx, int loops, URI url, int n) throws Exception {
    List<Context> contexts = new ArrayList<>();
    for (int i = 0; i < loops; i++) {
      BridgeFanout.ClientLoop loop = new BridgeFanout.ClientLoop();
      vertx.deployVerticle(loop).await(10, TimeUnit.SECONDS);
      contexts.add(loop.loop());
    }
    FanoutSubscribers group = new FanoutSubscribers(vertx, contexts, n + 10, true);
    group.connect(url.getPort(), url.getPath(), n);
    return group;
  }

  /** Every delivery timed for {@code seconds}: the {@code RESULT} line's fields after the word. */
  private static String measure(SubscriberGroup group, int seconds) throws InterruptedException {
    try (JvmWindow window = JvmWindow.open()) {
      group.sample(1);
      long r0 = group.totalReceived();
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      Latency latency = group.stopSampling();
      double deliveries = (group.totalReceived() - r0) / ((System.nanoTime() - t0) / 1e9);
      return latency.samples() + " " + latency.p50Nanos() + " " + latency.p99Nanos() + " " + latency.maxNanos()
        + " " + Math.round(deliveries) + " " + window.summary().encode();
    }
  }
}
