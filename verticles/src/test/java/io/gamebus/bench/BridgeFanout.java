package io.gamebus.bench;

import io.gamebus.bench.FanoutSystems.Kind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Load generator (not a unit test) of issue 10: one publisher fanning {@code game_info} envelopes
 * out to N WebSocket subscribers through three systems, measured in one JVM with interleaved
 * rounds and the same subscriber client ({@link FanoutSubscribers}):
 * <ol>
 *   <li>gamebus: {@link io.gamebus.bridge.ConsoleServer}'s bridge, raw WebSocket at {@code /eventbus/websocket};</li>
 *   <li>raw relay: one bus consumer writing each message's text to every socket (the reference);</li>
 *   <li>stock bridge: vertx-web's SockJS bridge alone, envelopes turned into JSON by its hook.</li>
 * </ol>
 * Then the latency of each at half of gamebus's median maximum rate, and one stalled subscriber
 * next to N normal ones on gamebus. Run: {@code ./mvnw -B -q -o install -DskipTests && ./mvnw -B -q -o
 * -pl verticles -Pbench test-compile exec:exec -Dbench.main=io.gamebus.bench.BridgeFanout
 * -Dbench.args="--n 50,500 --rounds 5"}; see {@link FanoutOptions} for every option and its default.
 */
public final class BridgeFanout {

  private final FanoutOptions options;
  private final Vertx servers;
  private final Vertx clients;
  private final List<Context> clientLoops = new ArrayList<>();

  private BridgeFanout(FanoutOptions options) {
    this.options = options;
    this.servers = Vertx.vertx();
    this.clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.clientLoops()));
  }

  /** Holds an event loop of the subscriber client: its sockets are connected from its context. */
  static final class ClientLoop extends VerticleBase {
    Context loop() {
      return context;
    }
  }

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    BridgeFanout bench = new BridgeFanout(FanoutOptions.parse(args));
    try {
      bench.run();
    } finally {
      bench.clients.close().await(20, TimeUnit.SECONDS);
      bench.servers.close().await(20, TimeUnit.SECONDS);
    }
    System.exit(0);
  }

  private void run() throws Exception {
    for (int i = 0; i < options.clientLoops(); i++) {
      ClientLoop loop = new ClientLoop();
      clients.deployVerticle(loop).await(10, TimeUnit.SECONDS);
      clientLoops.add(loop.loop());
    }
    FanoutReport.header(options);
    long started = System.nanoTime();
    Map<Integer, Map<Kind, List<Double>>> rates = new LinkedHashMap<>();
    for (int round = 1; round <= options.rounds(); round++) {
      for (int n : options.subscribers()) {
        Map<Kind, List<Double>> ofN = rates.computeIfAbsent(n, k -> new EnumMap<>(Kind.class));
        StringBuilder line = new StringBuilder(String.format("round %d, N = %d:", round, n));
        for (Kind kind : Kind.values()) {
          Rate rate = throughput(kind, n);
          ofN.computeIfAbsent(kind, k -> new ArrayList<>()).add(rate.deliveries());
          line.append(String.format("  %s %,.0f/s (%.1f cores, %.0f%% kernel)", kind.label, rate.deliveries(),
            rate.cores(), rate.kernelShare() * 100));
          if (rate.closedByServer() > 0) {
            line.append(String.format(" [%d subscribers closed by the server]", rate.closedByServer()));
          }
          if (rate.miscount() != null) {
            line.append(" [").append(rate.miscount()).append("]");
          }
        }
        // Other work on the machine shows here: the figures of a loaded round are worth less.
        line.append(String.format("  (load average %.1f)", java.lang.management.ManagementFactory
          .getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println(line);
      }
    }
    rates.forEach((n, ofN) -> FanoutReport.throughputTable(n, ofN));

    if (!options.latencySubscribers().isEmpty() && options.latencyMode().inProcess()) {
      FanoutReport.latencyHeader();
      latencies(rates, false);
    }
    if (!options.latencySubscribers().isEmpty() && options.latencyMode().otherProcess()) {
      FanoutLatencyProcess.header(options);
      latencies(rates, true);
      FanoutLatencyProcess.footer();
    }
    if (options.stallSubscribers() > 0) {
      FanoutStall.run(options, servers, clients, clientLoops);
    }
    System.out.printf("%ntotal run time %.0f s%n", (System.nanoTime() - started) / 1e9);
  }

  /**
   * Deliveries per second summed over the subscribers, the cores the whole process kept busy
   * meanwhile and the share of that in the kernel, and how many subscribers the server closed (a
   * bridge cutting readers that merely lag), and what was wrong with the counts if anything.
   */
  record Rate(double deliveries, double cores, double kernelShare, int closedByServer, String miscount) {
  }

  /** Deliveries per second summed over {@code n} subscribers, publishing as fast as the window allows. */
  private Rate throughput(Kind kind, int n) throws Exception {
    try (FanoutRun run = run(kind, n)) {
      run.warmUp(null);
      Future<Long> flood = run.publisher.flood(run.group, Long.MAX_VALUE, options.window());
      Thread.sleep(options.warmUpMillis());
      long r0 = run.group.totalReceived();
      long cpu0 = FanoutReport.processCpuNanos();
      long[] ticks0 = FanoutReport.userAndKernelTicks();
      long t0 = System.nanoTime();
      Thread.sleep(options.seconds() * 1000L);
      long r1 = run.group.totalReceived();
      long cpu1 = FanoutReport.processCpuNanos();
      long[] ticks1 = FanoutReport.userAndKernelTicks();
      long t1 = System.nanoTime();
      run.publisher.stopFlood();
      flood.await(10, TimeUnit.SECONDS);
      String miscount = checkCounts(run);
      double kernel = ticks0 == null || ticks1 == null ? Double.NaN
        : (ticks1[1] - ticks0[1]) / (double) Math.max(1, ticks1[0] - ticks0[0] + ticks1[1] - ticks0[1]);
      return new Rate((r1 - r0) / ((t1 - t0) / 1e9), (cpu1 - cpu0) / (double) (t1 - t0), kernel, run.group.closedCount(),
        miscount);
    }
  }

  /**
   * Once publishing has stopped, every open subscriber must end exactly at the last index published:
   * past it the client counts this system's frames wrong; short of it (after a wait) messages were
   * lost or packed several to a frame. Null when the counts are right.
   */
  private static String checkCounts(FanoutRun run) throws InterruptedException {
    long published = run.publisher.nextIndex();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (run.group.slowestNext() < published && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long slowest = run.group.slowestNext();
    long fastest = run.group.fastestNext();
    if (fastest > published) {
      return "MISCOUNT: a subscriber counted " + (fastest - published) + " messages more than were published";
    }
    if (slowest < published && slowest != Long.MAX_VALUE) {
      return "a subscriber is " + (published - slowest) + " messages short 10 s after publishing stopped";
    }
    return null;
  }

  /**
   * The latency table's rows: at each N, every system at half of gamebus's median maximum, then at
   * each fixed rate; {@code otherProcess}: with the subscribers in another JVM.
   */
  private void latencies(Map<Integer, Map<Kind, List<Double>>> rates, boolean otherProcess) throws Exception {
    for (int n : options.latencySubscribers()) {
      List<Double> gamebus = rates.containsKey(n) ? rates.get(n).get(Kind.GAMEBUS) : null;
      if (gamebus == null) {
        System.out.println("| " + n + " | (no throughput measured at this N, skipped) |");
        continue;
      }
      List<Double> perSecond = new ArrayList<>();
      perSecond.add(FanoutReport.median(gamebus) / n / 2);
      // Fixed rates too (--latency-rates), e.g. one every system can sustain, to compare like with like.
      options.latencyRates().forEach(rate -> perSecond.add((double) rate));
      for (double rate : perSecond) {
        for (Kind kind : Kind.values()) {
          if (otherProcess) {
            FanoutLatencyProcess.measure(servers, kind, n, rate, options);
          } else {
            latency(kind, n, rate);
          }
        }
      }
    }
  }

  /** One line of the latency table: {@code perSecond} messages a second, every delivery timed. */
  private void latency(Kind kind, int n, double perSecond) throws Exception {
    try (FanoutRun run = run(kind, n)) {
      run.warmUp(null);
      long millis = options.warmUpMillis() + options.latencySeconds() * 1000L;
      Future<Long> paced = run.publisher.paced(run.group, perSecond, millis, options.window());
      Thread.sleep(options.warmUpMillis());
      run.group.sample(1);
      long r0 = run.group.totalReceived();
      long t0 = System.nanoTime();
      Thread.sleep(options.latencySeconds() * 1000L);
      Latency latency = run.group.stopSampling();
      double deliveries = (run.group.totalReceived() - r0) / ((System.nanoTime() - t0) / 1e9);
      long heldBack = paced.await(millis + 10_000, TimeUnit.MILLISECONDS);
      System.out.printf("| %d | %s | %,.0f | %,.0f | %s | %d |%n", n, kind.label, perSecond, deliveries,
        latency.cells(), heldBack);
    }
  }

  private FanoutRun run(Kind kind, int n) throws Exception {
    return new FanoutRun(servers, kind, FanoutSystems.gamebusBridge(), clients,
      clientLoops, n);
  }
}
