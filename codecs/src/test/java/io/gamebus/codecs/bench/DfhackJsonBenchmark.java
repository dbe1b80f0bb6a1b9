package io.gamebus.codecs.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.DfhackFixtures;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.gamebus.codecs.dfhack.proto.ListUnitsOut;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JSON form of a {@code ListUnitsOut} of 100 units, both ways: {@link DfhackTypes#toJson} and
 * {@link DfhackTypes#fromJson} (descriptor walk) against what they were before, JsonFormat printing
 * a string that Vert.x parses, and Vert.x encoding a string that JsonFormat parses. Run through
 * {@link BenchRatio} with {@code -Dbench.ratio=json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DfhackJsonBenchmark {

  static final int UNITS = 100;
  private static final String TYPE = "dfproto.ListUnitsOut";
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();

  private ListUnitsOut units;
  private JsonObject json;

  @Setup
  public void setup() throws Exception {
    units = DfhackFixtures.listUnits(UNITS);
    json = DfhackTypes.toJson(units);
    if (!json.equals(jsonFormatToJson()) || !units.equals(fromJson()) || !units.equals(jsonFormatFromJson())) {
      throw new IllegalStateException("the two paths disagree");
    }
  }

  /** Bytes of the JSON text, for the report. */
  public int jsonBytes() {
    return json.encode().length();
  }

  @Benchmark
  public JsonObject toJson() {
    return DfhackTypes.toJson(units);
  }

  @Benchmark
  public JsonObject jsonFormatToJson() throws InvalidProtocolBufferException {
    return new JsonObject(PRINTER.print(units));
  }

  @Benchmark
  public Message fromJson() throws DfhackCodecException {
    return DfhackTypes.fromJson(TYPE, json);
  }

  @Benchmark
  public Message jsonFormatFromJson() throws InvalidProtocolBufferException {
    ListUnitsOut.Builder b = ListUnitsOut.newBuilder();
    PARSER.merge(json.encode(), b);
    return b.build();
  }
}
