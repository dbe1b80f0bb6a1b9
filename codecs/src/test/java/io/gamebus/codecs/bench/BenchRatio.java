package io.gamebus.codecs.bench;

import java.util.Collection;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link FafDecodeBenchmark} (1 fork, 3 × 3 s warm-up, 5 × 3 s measurement per method: about
 * a minute) and prints both scores and the ratio decode / readTree. The target is at least 0.8.
 *
 * <pre>cd /work/main && ./mvnw -B -pl codecs -Pbench test-compile exec:exec</pre>
 */
public final class BenchRatio {

  private static final double TARGET = 0.8;

  private BenchRatio() {}

  public static void main(String[] args) throws Exception {
    Options options = new OptionsBuilder()
        .include(FafDecodeBenchmark.class.getName() + "\\.")
        .forks(1)
        .warmupIterations(3).warmupTime(TimeValue.seconds(3))
        .measurementIterations(5).measurementTime(TimeValue.seconds(3))
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Result decode = score(results, "fafDecode");
    Result readTree = score(results, "jacksonReadTree");
    FafDecodeBenchmark fixture = new FafDecodeBenchmark();
    fixture.setup();
    double ratio = decode.getScore() / readTree.getScore();
    System.out.println();
    System.out.printf("line: game_info with 10 games, %d bytes%n", fixture.lineBytes());
    System.out.printf("FafDecoder.decode          %,12.0f ± %,.0f %s%n", decode.getScore(), decode.getScoreError(), decode.getScoreUnit());
    System.out.printf("ObjectMapper.readTree      %,12.0f ± %,.0f %s%n", readTree.getScore(), readTree.getScoreError(), readTree.getScoreUnit());
    System.out.printf("ratio decode / readTree    %.3f (target >= %.1f: %s)%n", ratio, TARGET, ratio >= TARGET ? "met" : "NOT met");
    System.out.printf("machine: %d CPUs, %s %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        System.getProperty("os.name"), System.getProperty("os.arch"));
  }

  private static Result score(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no result for " + method))
        .getPrimaryResult();
  }
}
