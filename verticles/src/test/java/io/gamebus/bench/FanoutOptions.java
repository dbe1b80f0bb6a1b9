package io.gamebus.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fan-out benchmark's arguments, {@code --name value} pairs, given through Maven as one
 * string ({@code -Dbench.args="--n 50,500 --rounds 5"}):
 * <ul>
 *   <li>{@code --n 50,500}: subscriber counts measured;</li>
 *   <li>{@code --rounds 5}: rounds, each running every N on every system in turn;</li>
 *   <li>{@code --seconds 3}: measured seconds per throughput run, after {@code --warmup-ms 1000};</li>
 *   <li>{@code --window 500}: messages the publisher may be ahead of the slowest subscriber;</li>
 *   <li>{@code --latency-n 50}: subscriber counts of the latency runs (each must be in {@code --n});
 *       {@code --latency-seconds 3} measured per run; {@code --latency-rates 1000,2000}: fixed
 *       rates (messages/s) measured as well as half of gamebus's maximum (default none);</li>
 *   <li>{@code --stall-n 50}: normal subscribers next to the stalled one (0 skips the check);
 *       {@code --stall-messages 300000} published, at most {@code --stall-seconds 90};</li>
 *   <li>{@code --client-loops 1}: event loops the subscribers' sockets are spread over (one leaves
 *       the server's event loop a core of its own on a 2-core machine);</li>
 *   <li>{@code --latency-process}: the latency runs are made a second time with the subscribers in
 *       another JVM ({@link FanoutLatencyProcess}), the default; {@code --latency-process only}: only
 *       that way; {@code --latency-process none}: only in this JVM.
 *       {@code --child-loops}: event loops of that JVM's subscribers (default: {@code --client-loops});
 *       {@code --child-warmup-ms 5000}: paced publishing before each measured window there (the child
 *       JVM is new for every run, and its JIT compiles the client meanwhile); {@code --child-window}:
 *       the publisher's window in those runs (default: {@code --window}; a large one takes the
 *       publisher's catch-up bursts out of the figures, at the price of an unbounded queue);
 *       {@code --child-jvm -Xmx6g,-Xmn5g}: options of that JVM, comma-separated (default none);
 *       {@code --child-client raw}: the subscriber client there, {@code raw} ({@link RawSubscribers}:
 *       bare NIO, one thread, nothing allocated per message, so that it keeps up with what gamebus
 *       serves at half its maximum; the default) or {@code vertx} (the one of the throughput rounds);
 *       {@code --pin 0:1}: for those runs, the benchmark's own JVM (server and publisher) is moved
 *       onto the first core list and the subscribers' JVM started on the second, with Linux's
 *       {@code taskset}, so the measuring client does not share cores with what it measures; the
 *       throughput rounds (and so the maximum the rates are halves of) run unpinned, before.</li>
 * </ul>
 */
record FanoutOptions(List<Integer> subscribers, int rounds, int seconds, long warmUpMillis, int window,
                     List<Integer> latencySubscribers, int latencySeconds, List<Integer> latencyRates,
                     int stallSubscribers, long stallMessages, int stallSeconds, int clientLoops,
                     LatencyMode latencyMode, int childLoops, long childWarmUpMillis, int childWindow,
                     List<String> childJvmOptions, String childClient, String pinCores) {

  /** Where the latency runs' subscribers are: this JVM (the default), both ways, or another JVM only. */
  enum LatencyMode {
    IN_PROCESS, BOTH, OTHER_PROCESS;

    boolean inProcess() {
      return this != OTHER_PROCESS;
    }

    boolean otherProcess() {
      return this != IN_PROCESS;
    }
  }

  static FanoutOptions parse(String[] args) {
    // exec:exec hands the whole -Dbench.args string over as one argument; an unset one is empty.
    List<String> words = new ArrayList<>();
    for (String arg : args) {
      words.addAll(Arrays.asList(arg.trim().split("\\s+")));
    }
    words.removeIf(String::isEmpty);
    List<Integer> n = List.of(50, 500);
    int rounds = 5;
    int seconds = 3;
    long warmUp = 1000;
    int window = 500;
    List<Integer> latencyN = List.of(50);
    int latencySeconds = 3;
    List<Integer> latencyRates = List.of();
    int stallN = 50;
    long stallMessages = 300_000;
    int stallSeconds = 90;
    int clientLoops = 1;
    // Both: the in-process figures compare with earlier runs; the other JVM's are the server's own.
    LatencyMode latencyMode = LatencyMode.BOTH;
    int childLoops = -1;
    long childWarmUp = 5000;
    int childWindow = -1;
    List<String> childJvm = List.of();
    String childClient = "raw";
    String pin = null;
    for (int i = 0; i < words.size(); i += 2) {
      String name = words.get(i);
      if (name.equals("--latency-process")) {
        // A flag with an optional value: "only", "none", or nothing (both ways).
        String value = i + 1 < words.size() ? words.get(i + 1) : "";
        latencyMode = value.equals("only") ? LatencyMode.OTHER_PROCESS
          : value.equals("none") ? LatencyMode.IN_PROCESS : LatencyMode.BOTH;
        i -= value.equals("only") || value.equals("none") ? 0 : 1;
        continue;
      }
      if (i + 1 >= words.size()) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = words.get(i + 1);
      switch (name) {
        case "--n" -> n = list(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--warmup-ms" -> warmUp = Long.parseLong(value);
        case "--window" -> window = Integer.parseInt(value);
        case "--latency-n" -> latencyN = value.equals("0") ? List.of() : list(value);
        case "--latency-seconds" -> latencySeconds = Integer.parseInt(value);
        case "--latency-rates" -> latencyRates = list(value);
        case "--stall-n" -> stallN = Integer.parseInt(value);
        case "--stall-messages" -> stallMessages = Long.parseLong(value);
        case "--stall-seconds" -> stallSeconds = Integer.parseInt(value);
        case "--client-loops" -> clientLoops = Integer.parseInt(value);
        case "--child-loops" -> childLoops = Integer.parseInt(value);
        case "--child-warmup-ms" -> childWarmUp = Long.parseLong(value);
        case "--child-window" -> childWindow = Integer.parseInt(value);
        case "--child-jvm" -> childJvm = Arrays.asList(value.split(","));
        case "--child-client" -> childClient = client(value);
        case "--pin" -> pin = value;
        default -> throw new IllegalArgumentException("unknown option " + name
          + "; known: --n --rounds --seconds --warmup-ms --window --latency-n --latency-seconds --latency-rates"
          + " --stall-n --stall-messages --stall-seconds --client-loops --latency-process [only|none] --child-loops --child-warmup-ms --child-window --child-jvm --child-client --pin");
      }
    }
    return new FanoutOptions(n, rounds, seconds, warmUp, window, latencyN, latencySeconds, latencyRates, stallN, stallMessages,
      stallSeconds, clientLoops, latencyMode, childLoops < 0 ? clientLoops : childLoops,
      childWarmUp, childWindow < 0 ? window : childWindow, childJvm, childClient, pin);
  }

  private static String client(String value) {
    if (!value.equals("vertx") && !value.equals("raw")) {
      throw new IllegalArgumentException("--child-client is vertx or raw, not " + value);
    }
    return value;
  }

  private static List<Integer> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }
}
