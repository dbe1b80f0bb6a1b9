package io.gamebus.codecs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamebus.codecs.faf.FafCodecException;
import io.gamebus.codecs.faf.FafDecoder;
import io.gamebus.codecs.faf.FafFixtures;
import io.gamebus.codecs.faf.FafMessage;
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
 * Decoding one login-time {@code game_info} line (10 games, about 6.5 KB) into the typed model,
 * against Jackson's own tree on the same bytes, which is the floor a JSON-object decoder can be
 * compared with. Run through {@link BenchRatio}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FafDecodeBenchmark {

  private byte[] bytes;
  private Buffer line;
  private ObjectMapper mapper;

  @Setup
  public void setup() throws Exception {
    bytes = FafFixtures.gameInfoList(10).getBytes(StandardCharsets.UTF_8);
    line = Buffer.buffer(bytes);
    mapper = new ObjectMapper();
    if (FafFixtures.decode(line).json().getJsonArray("games").size() != 10 || mapper.readTree(bytes).size() != 2) {
      throw new IllegalStateException("fixture does not decode");
    }
  }

  /** Bytes of the line, for the report. */
  public int lineBytes() {
    return bytes.length;
  }

  @Benchmark
  public FafMessage fafDecode() throws FafCodecException {
    byte[] b = line.getBytes(); // the copy a reader makes per chunk
    return FafDecoder.decode(b, 0, b.length);
  }

  @Benchmark
  public JsonNode jacksonReadTree() throws IOException {
    return mapper.readTree(bytes);
  }
}
