package io.gamebus.bench;

import io.gamebus.bench.FanoutSystems.Kind;
import io.gamebus.bench.FanoutSystems.Running;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A latency run with the subscribers in another JVM ({@link FanoutLatencyClient}, same classpath,
 * same java binary): the server's and the clients' heaps and collectors are separate, so the
 * server's latency is not the harness's. The publisher stays in the server's JVM and stamps the
 * wall clock; the window it keeps follows the slowest subscriber as the child reports it (every
 * {@value FanoutLatencyClient#PROGRESS_EVERY_MS} ms, so the window is that much looser than in one
 * JVM).
 */
final class FanoutLatencyProcess implements FanoutPublisher.Progress, AutoCloseable {

  private static final long LINE_LIMIT_MS = 90_000;

  private final Process process;
  private final Writer toChild;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private volatile long slowestNext;
  private volatile boolean ready;

  private FanoutLatencyProcess(Running system, int n, FanoutOptions options) throws IOException {
    String pin = options.pinCores();
    List<String> command = new ArrayList<>();
    if (pin != null) {
      command.addAll(List.of("taskset", "-c", pin.split(":")[1]));
    }
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(options.childJvmOptions());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), FanoutLatencyClient.class.getName(),
      "ws://127.0.0.1:" + system.port() + system.uri(), String.valueOf(n), String.valueOf(options.childLoops()),
      options.childClient()));
    process = new ProcessBuilder(command)
      .redirectError(ProcessBuilder.Redirect.INHERIT)
      .start();
    toChild = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readChild, "latency-child-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Progress lines feed the window; every other line is queued for {@link #await}. */
  private void readChild() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("P ")) {
          slowestNext = Long.parseLong(line.substring(2));
        } else {
          if (line.startsWith("READY")) {
            ready = true;
          }
          lines.add(line);
        }
      }
    } catch (IOException | NumberFormatException e) {
      lines.add("FAILED " + e);
    }
    lines.add("EOF");
  }

  @Override
  public long slowestNext() {
    return slowestNext;
  }

  /** The first line from the child that starts with {@code word}; fails when the child ends first. */
  private String await(String word) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINE_LIMIT_MS);
    while (true) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null || line.equals("EOF") || line.startsWith("FAILED")) {
        throw new IllegalStateException("subscriber process: " + (line == null ? "no " + word + " line in time" : line));
      }
      if (line.startsWith(word)) {
        return line;
      }
    }
  }

  private void send(String line) throws IOException {
    toChild.write(line + "\n");
    toChild.flush();
  }

  @Override
  public void close() throws Exception {
    try {
      send("EXIT");
    } catch (IOException alreadyGone) {
      // The child has ended already.
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** Moves every thread of this JVM onto {@code cores} (taskset -a -p); threads started later inherit it. */
  private static void pinThisJvm(String cores) throws IOException, InterruptedException {
    Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cores, String.valueOf(ProcessHandle.current().pid()))
      .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (taskset.waitFor() != 0) {
      throw new IOException("taskset could not pin this JVM to cores " + cores);
    }
  }

  /** The clock step the child measured, in ns, from its READY line (the same for every run). */
  private static volatile long clockStepNanos = -1;

  static void header(FanoutOptions options) throws IOException, InterruptedException {
    if (options.pinCores() != null) {
      pinThisJvm(options.pinCores().split(":")[0]);
    }
    String body = FanoutPublisher.envelope(0, true).body().encode();
    System.out.printf("%n### Latency with the subscribers in another JVM (same classpath; %s;"
      + " a new JVM per run, %d ms of paced warm-up before the measured seconds; window %d messages; its JVM options: %s; cores: %s)%n%n",
      options.childClient().equals("raw") ? "the bare NIO client, one thread" : "the Vert.x client on " + options.childLoops() + " event loop(s)",
      options.childWarmUpMillis(), options.childWindow(),
      options.childJvmOptions().isEmpty() ? "none" : String.join(" ", options.childJvmOptions()),
      options.pinCores() == null ? "shared" : "server JVM on " + options.pinCores().split(":")[0] + ", subscribers' JVM on " + options.pinCores().split(":")[1]);
    System.out.printf("Publish time carried as epoch microseconds (Instant.now(), CLOCK_REALTIME in both processes;"
      + " envelope body %d bytes). Server GC: collections that ended in the measured window in the JVM of the"
      + " server and publisher (count / total / longest ms; JDK 17's beans report G1's young and full pauses, not"
      + " remark/cleanup). Busiest loop: CPU share of the busiest Vert.x event loop in that JVM. Client: the"
      + " subscribers' JVM, cores and its busiest loop, and its collections. Machine busy: all cores, from /proc/stat."
      + " Hiccups: in each JVM, a thread that only sleeps 1 ms at a time: its wake-ups more than %d ms late / the latest in ms"
      + " (as jHiccup measures the floor a machine and a JVM set under every latency).%n%n", body.length(), HiccupMeter.LATE_MS);
    System.out.println("| N | system | rate msgs/s | deliveries/s | p50 ms | p99 ms | max ms | samples | ms held back (in the measured window)"
      + " | server GC | server cores / busiest loop | client cores / busiest loop | client GC | machine busy | load avg | server hiccups | client hiccups |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  }

  /**
   * One row: {@code kind} started from nothing, {@code n} subscribers in a child JVM, the publisher
   * at {@code perSecond} for {@code warmUpMillis} then {@code seconds} measured.
   */
  static void measure(Vertx servers, Kind kind, int n, double perSecond, FanoutOptions options) throws Exception {
    Running system = FanoutSystems.start(servers, kind, FanoutSystems.gamebusBridge()).await(10, TimeUnit.SECONDS);
    FanoutPublisher publisher = new FanoutPublisher(true);
    String deployment = servers.deployVerticle(publisher).await(10, TimeUnit.SECONDS);
    try (FanoutLatencyProcess child = new FanoutLatencyProcess(system, n, options)) {
      Future<Void> warm = publisher.warmUp(() -> child.ready);
      String ready = child.await("READY");
      warm.await(60, TimeUnit.SECONDS);
      clockStepNanos = Long.parseLong(ready.split(" ")[1]);
      // A new JVM's first seconds are its JIT's: a run measured from a cold child lags behind the
      // server it measures, so the paced warm-up is longer here than in one JVM.
      long millis = options.childWarmUpMillis() + options.latencySeconds() * 1000L;
      Future<Long> paced = publisher.paced(child, perSecond, millis, options.childWindow());
      Thread.sleep(options.childWarmUpMillis());
      String[] result;
      JvmWindow.Summary server;
      long heldBack0 = publisher.heldBackMillis();
      long heldBackInWindow;
      try (JvmWindow window = JvmWindow.open()) {
        child.send("MEASURE " + options.latencySeconds());
        result = child.await("RESULT").split(" ");
        server = window.summary();
        heldBackInWindow = publisher.heldBackMillis() - heldBack0;
      }
      long heldBack = paced.await(millis + 10_000, TimeUnit.MILLISECONDS);
      Latency latency = new Latency(Long.parseLong(result[2]), Long.parseLong(result[3]), Long.parseLong(result[4]),
        Integer.parseInt(result[1]));
      JvmWindow.Summary client = JvmWindow.Summary.decode(result, 6);
      System.out.printf("| %d | %s (subscribers in another JVM) | %,.0f | %,d | %s | %d (%d) | %s | %.2f / %.0f%% | %.2f / %.0f%% | %s | %.0f%% | %.1f | %s | %s |%n",
        n, kind.label, perSecond, Long.parseLong(result[5]), latency.cells(), heldBack, heldBackInWindow, server.gc(), server.cores(),
        server.busiestLoop() * 100, client.cores(), client.busiestLoop() * 100, client.gc(), server.machineBusy() * 100,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        server.hiccupCell(), client.hiccupCell());
    } finally {
      servers.undeploy(deployment).await(10, TimeUnit.SECONDS);
      system.stop().await(20, TimeUnit.SECONDS);
    }
  }

  /** After the table: the resolution of the clock the figures rest on. */
  static void footer() {
    System.out.printf("%nWall clock (Instant.now()) step measured in the subscribers' JVM: %d ns;"
      + " latencies are read to 1 us.%n", clockStepNanos);
  }
}
