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
 *       another JVM ({@link FanoutLatencyProcess}); {@code --latency-process only}: only that way.
 *       {@code --child-loops}: event loops of that JVM's subscribers (default: {@code --client-loops});
 *       {@code --child-warmup-ms 5000}: paced publishing before each measured window there (the child
 *       JVM is new for every run, and its JIT compiles the client meanwhile); {@code --child-window}:
 *       the publisher's window in those runs (default: {@code --window}; a large one takes the
 *       publisher's catch-up bursts out of the figures, at the price of an unbounded queue);
 *       {@code --child-jvm -Xmx6g,-Xmn5g}: options of that JVM, comma-separated (default none);
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
                     List<String> childJvmOptions, String pinCores) {

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
    LatencyMode latencyMode = LatencyMode.IN_PROCESS;
    int childLoops = -1;
    long childWarmUp = 5000;
    int childWindow = -1;
    List<String> childJvm = List.of();
    String pin = null;
    for (int i = 0; i < words.size(); i += 2) {
      String name = words.get(i);
      if (name.equals("--latency-process")) {
        // A flag with an optional value: "only", or nothing (both ways).
        boolean only = i + 1 < words.size() && words.get(i + 1).equals("only");
        latencyMode = only ? LatencyMode.OTHER_PROCESS : LatencyMode.BOTH;
        i -= only ? 0 : 1;
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
        case "--pin" -> pin = value;
        default -> throw new IllegalArgumentException("unknown option " + name
          + "; known: --n --rounds --seconds --warmup-ms --window --latency-n --latency-seconds --latency-rates"
          + " --stall-n --stall-messages --stall-seconds --client-loops --latency-process [only] --child-loops --child-warmup-ms --child-window --child-jvm --pin");
      }
    }
    return new FanoutOptions(n, rounds, seconds, warmUp, window, latencyN, latencySeconds, latencyRates, stallN, stallMessages,
      stallSeconds, clientLoops, latencyMode, childLoops < 0 ? clientLoops : childLoops,
      childWarmUp, childWindow < 0 ? window : childWindow, childJvm, pin);
  }

  private static List<Integer> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }
}
