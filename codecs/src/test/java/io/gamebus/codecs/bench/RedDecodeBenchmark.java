package io.gamebus.codecs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamebus.codecs.red.RedCodec;
import io.gamebus.codecs.red.RedFixtures;
import io.gamebus.codecs.red.RedMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
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
 * Decoding a 64 KiB JSON-RPC result from a Red server into the bus form (the client role's
 * {@code RedCodec.decodeFromServer}, then the result value that becomes the bus reply) against
 * Jackson's own tree on the same bytes. The frame is laid out as Red writes it. Run through
 * {@link BenchRatio} with {@code -Dbench.ratio=red}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedDecodeBenchmark {

  static final int MIN_BYTES = 64 * 1024;

  private byte[] bytes;
  private Buffer frame;
  private RedCodec codec;
  private ObjectMapper mapper;

  @Setup
  public void setup() throws Exception {
    bytes = RedFixtures.bigResult(4242, MIN_BYTES).getBytes(StandardCharsets.UTF_8);
    frame = Buffer.buffer(bytes);
    codec = new RedCodec();
    mapper = new ObjectMapper();
    JsonObject ours = (JsonObject) redDecode();
    if (ours.getJsonArray("members").size() != mapper.readTree(bytes).get("result").get("members").size()) {
      throw new IllegalStateException("fixture does not decode");
    }
  }

  /** Bytes of the frame, for the report. */
  public int frameBytes() {
    return bytes.length;
  }

  @Benchmark
  public Object redDecode() {
    return ((RedMessage.Result) codec.decodeFromServer(frame)).result();
  }

  @Benchmark
  public JsonNode redReadTree() throws IOException {
    return mapper.readTree(bytes);
  }
}
