package io.gamebus.codecs.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a codec benchmark against its reference and prints both scores and the ratio
 * ours / reference (in throughput, so higher is better for us). The system property
 * {@code bench.ratio} picks the pair (default {@code faf}):
 * <ul>
 *   <li>{@code faf}: {@link FafDecodeBenchmark}, FafDecoder.decode / Jackson readTree, target 0.8;
 *       1 fork per method, 3 × 3 s warm-up, 5 × 3 s measurement, mean throughput; about a minute.</li>
 *   <li>{@code dfhack}: {@link DfhackDecodeBenchmark}, decoder + DfhackTypes.parse / protobuf
 *       parseFrom, target 0.9; 5 rounds, each one fork per method (2 × 1 s warm-up, 3 × 1 s of
 *       sampled op times) in alternating order; about a minute. A score is 1 / the median op
 *       time, and the ratio is the median of the rounds' ratios: one operation takes about 1 ms,
 *       so on a shared machine preempted operations would otherwise dominate the mean.</li>
 *   <li>{@code json}: {@link DfhackJsonBenchmark}, DfhackTypes.toJson / JsonFormat + Vert.x parse,
 *       then DfhackTypes.fromJson / Vert.x encode + JsonFormat; target 2.0 each; 3 rounds as for
 *       {@code dfhack}; about a minute.</li>
 *   <li>{@code rpfm}: {@link RpfmDecodeBenchmark}, RpfmCodec.decodeResponse(…).toBus() / Jackson
 *       readTree on a 10 MiB VecU8 response, target 0.8; 3 rounds, each one fork per method
 *       (2 × 2 s warm-up, 3 × 2 s measurement, mean throughput) in alternating order; about
 *       1.5 minutes.</li>
 *   <li>{@code modrinth}: {@link ModrinthDecodeBenchmark}, ModrinthCodec.decode / Jackson readTree,
 *       (a) on a {@code stats} frame and (b) on a {@code log} frame with a 4 KiB console line;
 *       target 0.8 each; 3 rounds per pair, each one fork per method (2 × 1 s warm-up, 3 × 1 s
 *       measurement, mean throughput) in alternating order; about 1.5 minutes.</li>
 *   <li>{@code red}: {@link RedDecodeBenchmark}, RedCodec.decodeFromServer(…).result() / Jackson
 *       readTree on a 64 KiB JSON-RPC result laid out as Red writes it, target 0.8; 3 rounds, each
 *       one fork per method (2 × 1 s warm-up, 3 × 1 s measurement, mean throughput) in alternating
 *       order; about a minute.</li>
 *   <li>{@code all}: all of them, one after the other.</li>
 * </ul>
 *
 * <pre>cd /work/main && ./mvnw -B -pl codecs -Pbench test-compile exec:exec
 * cd /work/main && ./mvnw -B -pl codecs -Pbench test-compile exec:exec -Dbench.ratio=dfhack
 * cd /work/main && ./mvnw -B -pl codecs -Pbench test-compile exec:exec -Dbench.ratio=json
 * cd /work/main && ./mvnw -B -pl codecs -Pbench test-compile exec:exec -Dbench.ratio=rpfm
 * cd /work/main && ./mvnw -B -pl codecs -Pbench test-compile exec:exec -Dbench.ratio=modrinth
 * cd /work/main && ./mvnw -B -pl codecs -Pbench test-compile exec:exec -Dbench.ratio=red</pre>
 */
public final class BenchRatio {

  private record Pair(Class<?> benchmark, String ours, String oursLabel, String reference, String referenceLabel,
      double target, String fixture, int rounds, int warmup, int measure, int seconds, boolean sampled) {}

  private BenchRatio() {}

  public static void main(String[] args) throws Exception {
    String which = System.getProperty("bench.ratio", "faf");
    if (!List.of("faf", "dfhack", "json", "rpfm", "modrinth", "red", "all").contains(which)) {
      throw new IllegalArgumentException("bench.ratio must be faf, dfhack, json, rpfm, modrinth, red or all: " + which);
    }
    boolean all = which.equals("all");
    if (all || which.equals("faf")) {
      run(faf());
    }
    if (all || which.equals("dfhack")) {
      run(dfhack());
    }
    if (all || which.equals("json")) {
      run(json("toJson", "DfhackTypes.toJson", "jsonFormatToJson", "JsonFormat print + new JsonObject"));
      run(json("fromJson", "DfhackTypes.fromJson", "jsonFormatFromJson", "encode + JsonFormat merge"));
    }
    if (all || which.equals("rpfm")) {
      run(rpfm());
    }
    if (all || which.equals("modrinth")) {
      run(modrinth("statsDecode", "statsReadTree", "stats"));
      run(modrinth("logDecode", "logReadTree", "log"));
    }
    if (all || which.equals("red")) {
      run(red());
    }
  }

  private static Pair faf() throws Exception {
    FafDecodeBenchmark fixture = new FafDecodeBenchmark();
    fixture.setup();
    return new Pair(FafDecodeBenchmark.class, "fafDecode", "FafDecoder.decode", "jacksonReadTree",
        "ObjectMapper.readTree", 0.8, String.format("line: game_info with 10 games, %d bytes", fixture.lineBytes()),
        1, 3, 5, 3, false);
  }

  private static Pair dfhack() throws Exception {
    DfhackDecodeBenchmark fixture = new DfhackDecodeBenchmark();
    fixture.setup();
    return new Pair(DfhackDecodeBenchmark.class, "decodeFrame", "RpcStreamDecoder+DfhackTypes.parse",
        "protobufParseFrom", "ListUnitsOut.parseFrom(byte[])", 0.9, String.format(
            "frame: RESULT, ListUnitsOut with %d units, %d payload bytes + 8 header bytes",
            DfhackDecodeBenchmark.UNITS, fixture.payloadBytes()), 5, 2, 3, 1, true);
  }

  private static Pair json(String ours, String oursLabel, String reference, String referenceLabel) throws Exception {
    DfhackJsonBenchmark fixture = new DfhackJsonBenchmark();
    fixture.setup();
    return new Pair(DfhackJsonBenchmark.class, ours, oursLabel, reference, referenceLabel, 2.0, String.format(
        "JSON form of a ListUnitsOut with %d units, %d bytes as text", DfhackJsonBenchmark.UNITS, fixture.jsonBytes()),
        3, 2, 3, 1, true);
  }

  private static Pair rpfm() throws Exception {
    RpfmDecodeBenchmark fixture = new RpfmDecodeBenchmark();
    fixture.setup();
    return new Pair(RpfmDecodeBenchmark.class, "rpfmDecodeToBus", "RpfmCodec.decodeResponse.toBus",
        "jacksonReadTree", "ObjectMapper.readTree", 0.8,
        String.format("message: VecU8 response, %d bytes", fixture.messageBytes()), 3, 2, 3, 2, false);
  }

  private static Pair modrinth(String ours, String reference, String frame) throws Exception {
    ModrinthDecodeBenchmark fixture = new ModrinthDecodeBenchmark();
    fixture.setup();
    String what = frame.equals("stats")
        ? String.format("frame: stats, %d bytes", fixture.statsBytes())
        : String.format("frame: log with a %d-char console line, %d bytes", ModrinthDecodeBenchmark.LOG_CHARS,
            fixture.logBytes());
    return new Pair(ModrinthDecodeBenchmark.class, ours, "ModrinthCodec.decode", reference,
        "ObjectMapper.readTree", 0.8, what, 3, 2, 3, 1, false);
  }

  private static Pair red() throws Exception {
    RedDecodeBenchmark fixture = new RedDecodeBenchmark();
    fixture.setup();
    return new Pair(RedDecodeBenchmark.class, "redDecode", "RedCodec.decodeFromServer.result", "redReadTree",
        "ObjectMapper.readTree", 0.8, String.format("frame: JSON-RPC result, %d bytes", fixture.frameBytes()),
        3, 2, 3, 1, false);
  }

  private static void run(Pair p) throws Exception {
    double[] ours = new double[p.rounds()];
    double[] reference = new double[p.rounds()];
    double[] ratios = new double[p.rounds()];
    double oursError = 0;
    double referenceError = 0;
    for (int r = 0; r < p.rounds(); r++) {
      // Alternate which method goes first so neither always meets the same phase of outside load.
      Result b = r % 2 == 1 ? measure(p, p.reference()) : null;
      Result a = measure(p, p.ours());
      b = b == null ? measure(p, p.reference()) : b;
      ours[r] = opsPerSecond(p, a);
      reference[r] = opsPerSecond(p, b);
      ratios[r] = ours[r] / reference[r];
      oursError = Math.max(oursError, a.getScoreError());
      referenceError = Math.max(referenceError, b.getScoreError());
    }
    double ratio = median(ratios);
    System.out.println();
    System.out.println(p.fixture());
    System.out.printf("%-36s %s%n", p.oursLabel(), line(p, ours, oursError));
    System.out.printf("%-36s %s%n", p.referenceLabel(), line(p, reference, referenceError));
    System.out.printf("%-36s %.3f (target >= %.1f: %s)%s%n", "ratio ours / reference", ratio, p.target(),
        ratio >= p.target() ? "met" : "NOT met", p.rounds() > 1 ? ", median of" + list(ratios) : "");
    System.out.printf("machine: %d CPUs, %s %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        System.getProperty("os.name"), System.getProperty("os.arch"));
  }

  private static Result measure(Pair p, String method) throws Exception {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(p.benchmark().getName() + "\\." + method + "$")
        .forks(1)
        .warmupIterations(p.warmup()).warmupTime(TimeValue.seconds(p.seconds()))
        .measurementIterations(p.measure()).measurementTime(TimeValue.seconds(p.seconds()));
    if (p.sampled()) {
      options.mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS);
    }
    return score(new Runner(options.build()).run(), method);
  }

  private static double opsPerSecond(Pair p, Result r) {
    return p.sampled() ? 1e6 / r.getStatistics().getPercentile(50) : r.getScore();
  }

  private static String line(Pair p, double[] opsPerSecond, double error) {
    double mean = Arrays.stream(opsPerSecond).average().orElse(Double.NaN);
    String score = p.sampled()
        ? String.format("%,12.0f ops/s (1 / median op time)", mean)
        : String.format("%,12.0f ± %,.0f ops/s", mean, error);
    return p.rounds() > 1 ? score + ", rounds:" + list(opsPerSecond) : score;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String list(double[] v) {
    StringBuilder b = new StringBuilder();
    for (double x : v) {
      b.append(x < 10 ? String.format(" %.3f", x) : String.format(" %,.0f", x));
    }
    return b.toString();
  }

  private static Result score(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no result for " + method))
        .getPrimaryResult();
  }
}
