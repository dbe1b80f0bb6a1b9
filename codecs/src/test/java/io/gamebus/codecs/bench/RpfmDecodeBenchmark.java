package io.gamebus.codecs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamebus.codecs.rpfm.RpfmCodec;
import io.gamebus.codecs.rpfm.RpfmCodecException;
import io.gamebus.codecs.rpfm.RpfmFixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding one 10 MiB {@code {"id":…,"data":{"VecU8":[…]}}} response (a raw file as the real
 * server sends it: about 2.8 million numbers 0..255) into the bus form, against Jackson's own
 * tree on the same bytes. Run through {@link BenchRatio} with {@code -Dbench.ratio=rpfm}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RpfmDecodeBenchmark {

  static final int BYTES = 10 * 1024 * 1024;

  private byte[] bytes;
  private Buffer message;
  private RpfmCodec codec;
  private ObjectMapper mapper;

  @Setup
  public void setup() throws Exception {
    bytes = RpfmFixtures.vecU8Response(4242, BYTES);
    message = Buffer.buffer(bytes);
    codec = new RpfmCodec();
    mapper = new ObjectMapper();
    int numbers = mapper.readTree(bytes).get("data").get("VecU8").size();
    if (numbers < 2_000_000 || codec.decodeResponse(message).toBus().getJsonArray("value").size() != numbers) {
      throw new IllegalStateException("fixture does not decode");
    }
  }

  /** Bytes of the message, for the report. */
  public int messageBytes() {
    return bytes.length;
  }

  @Benchmark
  public JsonObject rpfmDecodeToBus() throws RpfmCodecException {
    return codec.decodeResponse(message).toBus();
  }

  @Benchmark
  public JsonNode jacksonReadTree() throws IOException {
    return mapper.readTree(bytes);
  }
}
