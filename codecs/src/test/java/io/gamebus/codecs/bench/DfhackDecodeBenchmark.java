package io.gamebus.codecs.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.DfhackFixtures;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.gamebus.codecs.dfhack.Handshake;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.gamebus.codecs.dfhack.RpcFrame;
import io.gamebus.codecs.dfhack.RpcStreamDecoder;
import io.gamebus.codecs.dfhack.proto.ListUnitsOut;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding one RESULT frame (8-byte header + payload) carrying a {@code ListUnitsOut} of 1,000
 * units through the stream decoder and {@link DfhackTypes#parse}, against protobuf-java's own
 * {@code ListUnitsOut.parseFrom(byte[])} on the same payload bytes, which is the floor. Run
 * through {@link BenchRatio} with {@code -Dbench.ratio=dfhack}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DfhackDecodeBenchmark {

  static final int UNITS = 1_000;

  private byte[] payload;
  private Buffer frame;
  private RpcStreamDecoder decoder;
  private RpcFrame last;
  private final IntConsumer onHandshake = v -> { };
  private final Consumer<RpcFrame> onFrame = f -> last = f;

  @Setup
  public void setup() throws Exception {
    ListUnitsOut units = DfhackFixtures.listUnits(UNITS);
    payload = units.toByteArray();
    frame = RpcEncoder.result(units);
    decoder = RpcStreamDecoder.client(RpcCodes.MAX_PAYLOAD);
    decoder.feed(Handshake.reply(), onHandshake, onFrame);
    if (!units.equals(decodeFrame()) || !units.equals(protobufParseFrom())) {
      throw new IllegalStateException("fixture does not decode");
    }
  }

  /** Bytes of the payload, for the report. */
  public int payloadBytes() {
    return payload.length;
  }

  /** Our path: frame bytes → decoder (past the handshake) → RpcFrame → typed message. */
  @Benchmark
  public Message decodeFrame() throws DfhackCodecException {
    decoder.feed(frame, onHandshake, onFrame);
    return DfhackTypes.parse("dfproto.ListUnitsOut", last.payload());
  }

  /** Reference: protobuf-java's generated parser on the payload bytes alone. */
  @Benchmark
  public ListUnitsOut protobufParseFrom() throws InvalidProtocolBufferException {
    return ListUnitsOut.parseFrom(payload);
  }
}
