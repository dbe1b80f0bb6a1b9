package io.gamebus.bench;

import io.gamebus.bench.FanoutSystems.Kind;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/** The fan-out benchmark's printed output: Markdown tables, ready to paste into a note. */
final class FanoutReport {

  private FanoutReport() {
  }

  static void header(FanoutOptions o) {
    String envelope = FanoutPublisher.envelope(0).encoded().toString();
    String body = FanoutPublisher.envelope(0).body().encode();
    System.out.printf("## Bridge fan-out: 1 publisher -> N WebSocket subscribers (loopback, one JVM)%n%n");
    System.out.printf("Java %s, %d cores; envelope body %d bytes, envelope %d bytes, rec frame %d bytes;%n",
      System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), body.length(),
      envelope.length(), envelope.length() + ("{\"type\":\"rec\",\"address\":\"" + FanoutPublisher.ADDRESS + "\",\"body\":}").length());
    System.out.printf("window %d messages ahead of the slowest subscriber; %d ms warm-up then %d s measured per run;"
      + " %d rounds, each: every N, gamebus then raw relay then stock bridge; subscribers on %d event loop(s).%n",
      o.window(), o.warmUpMillis(), o.seconds(), o.rounds(), o.clientLoops());
    System.out.println("Per run, \"cores\": CPU time of this JVM (servers, publisher and subscribers) over the"
      + " measured seconds, and the share of it spent in the kernel.");
    System.out.println();
  }

  static void throughputTable(int n, Map<Kind, List<Double>> rates) {
    List<Double> gamebus = rates.get(Kind.GAMEBUS);
    List<Double> relay = rates.get(Kind.RELAY);
    List<Double> stock = rates.get(Kind.STOCK);
    System.out.printf("%n### N = %d: deliveries/s summed over the subscribers%n%n", n);
    System.out.println("| round | gamebus | raw relay | stock bridge | gamebus/relay | gamebus/stock |");
    System.out.println("|---|---|---|---|---|---|");
    for (int r = 0; r < gamebus.size(); r++) {
      System.out.printf("| %d | %,.0f | %,.0f | %,.0f | %.2f | %.2f |%n", r + 1, gamebus.get(r), relay.get(r),
        stock.get(r), gamebus.get(r) / relay.get(r), gamebus.get(r) / stock.get(r));
    }
    double g = median(gamebus);
    double re = median(relay);
    double s = median(stock);
    System.out.printf("| **median** | **%,.0f** | **%,.0f** | **%,.0f** | **%.2f** | **%.2f** |%n", g, re, s, g / re, g / s);
    System.out.printf("%nN = %d: gamebus/relay %.2f (target >= 0.9), gamebus/stock %.2f (target >= 1.5);"
      + " gamebus median %,.0f messages/s per subscriber%n", n, g / re, g / s, g / n);
  }

  static void latencyHeader() {
    System.out.printf("%n### Latency, publisher -> subscriber, at half of gamebus's median maximum rate%n%n");
    System.out.println("| N | system | rate msgs/s | deliveries/s | p50 ms | p99 ms | max ms | samples | ms held back by the window |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
  }

  static void stalled(int n, int window, long published, double seconds, double othersRate, Latency latency, long heapBefore,
                      long heapAfter, boolean closedWhilePaused, FanoutSubscribers.Subscriber loner, long expected,
                      long floodStart) {
    System.out.printf("%n### Stalled subscriber (gamebus): %d reading subscribers + 1 that stopped reading%n%n", n);
    System.out.printf("- published %,d envelopes in %.1f s, window on the reading ones only;"
      + " they received %,.0f deliveries/s%n", published, seconds, othersRate);
    if (latency.samples() > 0) {
      System.out.printf("- their latency meanwhile: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%,d samples; in a flood a"
          + " message can wait behind a whole window, %d messages = %.0f ms at this rate)%n",
        ms(latency.p50Nanos()), ms(latency.p99Nanos()), ms(latency.maxNanos()), latency.samples(), window,
        window / (published / seconds) * 1000);
    }
    System.out.printf("- heap used after System.gc(): %.1f MiB before, %.1f MiB after publishing (%+.0f bytes per"
        + " message published; the stalled socket %s)%n", heapBefore / 1048576.0, heapAfter / 1048576.0,
      (heapAfter - heapBefore) / (double) Math.max(1, published),
      closedWhilePaused ? "already closed on our side" : "not yet read again, still open on our side");
    if (loner.closed().isComplete()) {
      long last = loner.lastSentNanos();
      System.out.printf("- the server closed the stalled socket: status %s, reason %s; it had read %,d of the %,d"
          + " messages published since it registered, the last one published %s%n",
        loner.socket.closeStatusCode(), loner.socket.closeReason() == null ? "(none)" : "\"" + loner.socket.closeReason() + "\"",
        loner.received, expected,
        last < 0 ? "before it stopped reading" : String.format("%.1f s into the flood", (last - floodStart) / 1e9));
    } else if (loner.received >= expected) {
      System.out.printf("- the stalled socket was NOT closed: once it read again it received all %,d messages,"
        + " so the server held its whole backlog%n", expected);
    } else {
      System.out.printf("- the stalled socket was NOT closed; reading again it received %,d of the %,d messages"
        + " (nothing more for %d s): the server dropped %,d%n", loner.received, expected,
        FanoutStall.DRAIN_IDLE_SECONDS, expected - loner.received);
    }
  }

  /** CPU time of the whole process so far (publisher, servers and subscribers alike), in ns. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * User and kernel CPU time of this process in clock ticks, from {@code /proc/self/stat} (Linux);
   * null elsewhere. On loopback most of a fan-out's time can be system calls, one write per delivery.
   */
  static long[] userAndKernelTicks() {
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
      // Fields after the command name, which is in parentheses and may hold spaces: utime is the 12th.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
