package io.gamebus.codecs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamebus.codecs.modrinth.ModrinthCodec;
import io.gamebus.codecs.modrinth.ModrinthFixtures;
import io.gamebus.codecs.modrinth.ModrinthFrame;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding Modrinth frames into the bus form (the validated JsonObject, {@code ModrinthCodec.decode})
 * against Jackson's own tree on the same bytes: (a) a {@code stats} frame as sent every second,
 * (b) a {@code log} frame whose message is a 4 KiB console line with quotes, tabs and non-ASCII
 * characters. Run through {@link BenchRatio} with {@code -Dbench.ratio=modrinth}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ModrinthDecodeBenchmark {

  static final int LOG_CHARS = 4096;

  private byte[] statsBytes;
  private byte[] logBytes;
  private Buffer stats;
  private Buffer log;
  private ModrinthCodec codec;
  private ObjectMapper mapper;

  @Setup
  public void setup() throws Exception {
    statsBytes = ModrinthFixtures.stats().getBytes(StandardCharsets.UTF_8);
    logBytes = ModrinthFixtures.logLine(LOG_CHARS).getBytes(StandardCharsets.UTF_8);
    stats = Buffer.buffer(statsBytes);
    log = Buffer.buffer(logBytes);
    codec = new ModrinthCodec();
    mapper = new ObjectMapper();
    if (codec.decode(stats).json().size() != 8 || mapper.readTree(statsBytes).size() != 8
        || codec.decode(log).json().getString("message").length() != LOG_CHARS
        || mapper.readTree(logBytes).get("message").textValue().length() != LOG_CHARS) {
      throw new IllegalStateException("fixture does not decode");
    }
  }

  /** Bytes of the stats frame, for the report. */
  public int statsBytes() {
    return statsBytes.length;
  }

  /** Bytes of the log frame, for the report. */
  public int logBytes() {
    return logBytes.length;
  }

  @Benchmark
  public ModrinthFrame statsDecode() {
    return codec.decode(stats);
  }

  @Benchmark
  public JsonNode statsReadTree() throws IOException {
    return mapper.readTree(statsBytes);
  }

  @Benchmark
  public ModrinthFrame logDecode() {
    return codec.decode(log);
  }

  @Benchmark
  public JsonNode logReadTree() throws IOException {
    return mapper.readTree(logBytes);
  }
}
