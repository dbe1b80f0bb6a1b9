package io.gamebus.codecs.rpfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gamebus.codecs.rpfm.RpfmCodecException.Reason;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpfmCodecTest {

  private static final String U64_MAX = "18446744073709551615";
  private static final String INFO = "{\"file_name\":\"a.pack\",\"file_path\":\"/p/a.pack\",\"pfh_version\":\"PFH6\","
      + "\"pfh_file_type\":\"Mod\",\"bitmask\":0,\"compress\":\"None\",\"timestamp\":0}";

  private final RpfmCodec codec = new RpfmCodec();

  private RpfmCodecException commandFails(String text) {
    return assertThrows(RpfmCodecException.class, () -> codec.decodeCommand(text), text);
  }

  private static void assertFailure(RpfmCodecException e, Reason kind, Long id, String reason) {
    assertEquals(kind, e.kind());
    assertEquals(id, e.id());
    assertEquals(reason, e.reason());
    assertEquals("Server failed to deserialize command: " + reason, e.wireText());
  }

  @Test
  void commandFixturesBothWays() throws RpfmCodecException {
    List<RpfmCommand> commands = List.of(new RpfmCommand(7, "NewPack", null), new RpfmCommand(7, "ClosePack", "k"),
        new RpfmCommand(7, "SavePackAs", new JsonArray().add("a").add("b")), new RpfmCommand(-1, "NewPack", null),
        new RpfmCommand(0, "ClosePack", "Ünïcødé ✓ 😀 \"q\" \\ /"));
    List<String> wire = List.of("{\"id\":7,\"data\":\"NewPack\"}", "{\"id\":7,\"data\":{\"ClosePack\":\"k\"}}",
        "{\"id\":7,\"data\":{\"SavePackAs\":[\"a\",\"b\"]}}", "{\"id\":" + U64_MAX + ",\"data\":\"NewPack\"}",
        "{\"id\":0,\"data\":{\"ClosePack\":\"Ünïcødé ✓ 😀 \\\"q\\\" \\\\ /\"}}");
    for (int i = 0; i < wire.size(); i++) {
      byte[] bytes = wire.get(i).getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(bytes, codec.encodeCommand(commands.get(i)).getBytes(), wire.get(i));
      assertEquals(commands.get(i), codec.decodeCommand(Buffer.buffer(bytes)));
      assertEquals(commands.get(i), codec.decodeCommand(wire.get(i)));
    }
  }

  @Test
  void responseFixturesBothWays() throws RpfmCodecException {
    List<RpfmResponse> responses = List.of(RpfmResponse.success(7), RpfmResponse.sessionConnected(42),
        RpfmResponse.error(7, "Pack not found: x"),
        new RpfmResponse(7, "StringContainerInfo", new JsonArray().add("k").add(new JsonObject(INFO))),
        new RpfmResponse(-1, "Unknown", null), RpfmResponse.sessionConnected(-1),
        new RpfmResponse(3, "OptionRFileInfo", null));
    List<String> wire = List.of("{\"id\":7,\"data\":\"Success\"}", "{\"id\":0,\"data\":{\"SessionConnected\":42}}",
        "{\"id\":7,\"data\":{\"Error\":\"Pack not found: x\"}}",
        "{\"id\":7,\"data\":{\"StringContainerInfo\":[\"k\"," + INFO + "]}}",
        "{\"id\":" + U64_MAX + ",\"data\":\"Unknown\"}", "{\"id\":0,\"data\":{\"SessionConnected\":" + U64_MAX + "}}",
        "{\"id\":3,\"data\":{\"OptionRFileInfo\":null}}");
    for (int i = 0; i < wire.size(); i++) {
      byte[] bytes = wire.get(i).getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(bytes, codec.encodeResponse(responses.get(i)).getBytes(), wire.get(i));
      RpfmResponse decoded = codec.decodeResponse(Buffer.buffer(bytes));
      assertArrayEquals(bytes, codec.encodeResponse(decoded).getBytes(), wire.get(i));
      assertEquals(responses.get(i).toBus(), decoded.toBus());
    }
  }

  @Test
  void escapesControlCharactersAsSerdeJson() throws RpfmCodecException {
    String wire = "{\"id\":1,\"data\":{\"Error\":\"a\\u001fb\\u0000\\n\\t\\r\\b\\f\u007f\"}}";
    RpfmResponse r = codec.decodeResponse(wire);
    assertEquals("a\u001fb\u0000\n\t\r\b\f\u007f", r.errorText());
    assertEquals(wire, codec.encodeResponse(r).toString());
  }

  @Test
  void readsIdsAsSerdeDoes() throws RpfmCodecException {
    assertEquals(-1L, codec.decodeCommand("{\"id\":" + U64_MAX + ",\"data\":\"NewPack\"}").id());
    assertFailure(commandFails("{\"data\":\"NewPack\"}"), Reason.BAD_ID, null, "missing field `id`");
    assertFailure(commandFails("{\"id\":-1,\"data\":\"NewPack\"}"), Reason.BAD_ID, null,
        "invalid value: integer `-1`, expected u64");
    assertFailure(commandFails("{\"id\":\"7\",\"data\":\"NewPack\"}"), Reason.BAD_ID, null,
        "invalid type: string \"7\", expected u64");
    assertFailure(commandFails("{\"id\":1.5,\"data\":\"NewPack\"}"), Reason.BAD_ID, null,
        "invalid type: floating point `1.5`, expected u64");
    assertFailure(commandFails("{\"id\":7.0,\"data\":\"NewPack\"}"), Reason.BAD_ID, null,
        "invalid type: floating point `7.0`, expected u64");
    assertFailure(commandFails("{\"id\":18446744073709551616,\"data\":\"NewPack\"}"), Reason.BAD_ID, null,
        "invalid type: floating point `18446744073709552000.0`, expected u64");
    assertFailure(commandFails("{\"id\":null,\"data\":\"NewPack\"}"), Reason.BAD_ID, null,
        "invalid type: null, expected u64");
  }

  @Test
  void reportsTheFirstProblemInDocumentOrderWithTheReadableId() {
    assertFailure(commandFails("{\"id\":5}"), Reason.BAD_COMMAND, 5L, "missing field `data`");
    assertFailure(commandFails("{\"id\":" + U64_MAX + ",\"data\":5}"), Reason.BAD_COMMAND, -1L, "expected value");
    // a duplicate key keeps its last value (serde would say: duplicate field `data`)
    assertFailure(commandFails("{\"id\":5,\"data\":\"NewPack\",\"data\":1}"), Reason.BAD_COMMAND, 5L, "expected value");
    RpfmCodecException dataFirst = commandFails("{\"data\":\"Nope\",\"id\":\"x\"}");
    assertEquals(Reason.BAD_COMMAND, dataFirst.kind());
    assertNull(dataFirst.id());
    assertTrue(dataFirst.reason().startsWith("unknown variant `Nope`, expected one of `Exit`, "));
    assertFailure(commandFails("{\"id\":\"x\",\"data\":\"Nope\"}"), Reason.BAD_ID, null,
        "invalid type: string \"x\", expected u64");
    RpfmCodecException readable = commandFails("{\"data\":\"Nope\",\"id\":7}");
    assertEquals(7L, readable.id());
  }

  @Test
  void refusesWhatIsNotAnEnvelope() {
    for (String text : List.of("", " ", "{\"id\":5,", "{\"id\":5,\"data\":\"NewPack\"} x", "{'id':5}", "nope")) {
      RpfmCodecException e = commandFails(text);
      assertEquals(Reason.NOT_JSON, e.kind(), text);
      assertNull(e.id());
    }
    assertFailure(commandFails("5"), Reason.NOT_OBJECT, null, "invalid type: integer `5`, expected struct Message");
    assertFailure(commandFails("\"NewPack\""), Reason.NOT_OBJECT, null,
        "invalid type: string \"NewPack\", expected struct Message");
    assertFailure(commandFails("null"), Reason.NOT_OBJECT, null, "invalid type: null, expected struct Message");
  }

  @Test
  void acceptsSerdesSequenceFormOfTheEnvelope() throws RpfmCodecException {
    assertEquals(new RpfmCommand(5, "NewPack", null), codec.decodeCommand("[5,\"NewPack\"]"));
    assertFailure(commandFails("[]"), Reason.BAD_ID, null, "invalid length 0, expected struct Message with 2 elements");
    assertFailure(commandFails("[5]"), Reason.BAD_COMMAND, null, "invalid length 1, expected struct Message with 2 elements");
    assertFailure(commandFails("[5,\"NewPack\",1]"), Reason.BAD_COMMAND, null, "trailing characters");
  }

  @Test
  void ignoresExtraFields() throws RpfmCodecException {
    assertEquals(new RpfmCommand(5, "ClosePack", "k"),
        codec.decodeCommand("{\"x\":[1,{}],\"id\":5,\"y\":null,\"data\":{\"ClosePack\":\"k\"},\"z\":\"w\"}"));
    assertEquals(RpfmResponse.success(5), codec.decodeResponse("{\"id\":5,\"data\":\"Success\",\"extra\":1}"));
  }

  @Test
  void limitsTheMessageSizeBeforeParsing() throws RpfmCodecException {
    String text = "{\"id\":5,\"data\":{\"ClosePack\":\"é\"}}";
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    assertEquals(new RpfmCommand(5, "ClosePack", "é"), new RpfmCodec(bytes).decodeCommand(text));
    RpfmCodecException e = assertThrows(RpfmCodecException.class, () -> new RpfmCodec(bytes - 1).decodeCommand(text));
    assertFailure(e, Reason.TOO_LARGE, null, "message of " + bytes + " bytes exceeds the limit of " + (bytes - 1) + " bytes");
    RpfmCodecException r = assertThrows(RpfmCodecException.class,
        () -> new RpfmCodec(bytes - 1).decodeResponse(Buffer.buffer(text)));
    assertEquals(Reason.TOO_LARGE, r.kind());
    assertEquals(64 * 1024 * 1024, new RpfmCodec().maxBytes());
    assertThrows(IllegalArgumentException.class, () -> new RpfmCodec(0));
  }

  @Test
  void decodesAndReencodesTenMibOfRawData() throws RpfmCodecException {
    byte[] bytes = RpfmFixtures.vecU8Response(42, 10 * 1024 * 1024);
    RpfmResponse r = codec.decodeResponse(Buffer.buffer(bytes));
    assertEquals("VecU8", r.variant());
    JsonObject bus = r.toBus();
    assertEquals("VecU8", bus.getString("variant"));
    assertTrue(bus.getJsonArray("value").size() > 2_500_000);
    assertArrayEquals(bytes, codec.encodeResponse(RpfmResponse.fromBus(42, bus)).getBytes());
  }

  @Test
  void checksResponsesShallowly() throws RpfmCodecException {
    assertEquals(RpfmResponse.success(1), codec.decodeResponse("{\"id\":1,\"data\":{\"Success\":null}}"));
    assertEquals(new RpfmResponse(1, "VecString", 5), codec.decodeResponse("{\"id\":1,\"data\":{\"VecString\":5}}"));
    RpfmCodecException unit = assertThrows(RpfmCodecException.class,
        () -> codec.decodeResponse("{\"id\":1,\"data\":\"Error\"}"));
    assertFailure(unit, Reason.BAD_RESPONSE, 1L, "invalid type: unit variant, expected newtype variant");
    RpfmCodecException unknown = assertThrows(RpfmCodecException.class,
        () -> codec.decodeResponse("{\"id\":1,\"data\":{\"Nope\":1}}"));
    assertEquals(83, unknown.reason().split("`, `").length);
    RpfmCodecException arity = assertThrows(RpfmCodecException.class,
        () -> codec.decodeResponse("{\"id\":1,\"data\":{\"StringContainerInfo\":[\"k\"]}}"));
    assertFailure(arity, Reason.BAD_RESPONSE, 1L,
        "invalid length 1, expected tuple variant Response::StringContainerInfo with 2 elements");
    RpfmCodecException id = assertThrows(RpfmCodecException.class,
        () -> codec.decodeResponse("{\"id\":-3,\"data\":\"Success\"}"));
    assertFailure(id, Reason.BAD_ID, null, "invalid value: integer `-3`, expected u64");
  }

  @Test
  void busFormsOfCommands() throws RpfmCodecException {
    assertEquals(new JsonObject("{\"command\":\"ClosePack\",\"args\":\"key\"}"), new RpfmCommand(1, "ClosePack", "key").toBus());
    assertEquals(new JsonObject("{\"command\":\"NewPack\"}"), new RpfmCommand(1, "NewPack", null).toBus());
    assertEquals(new RpfmCommand(4, "NewPack", null), RpfmCommand.fromBus(4, new JsonObject("{\"command\":\"NewPack\",\"args\":null}")));
    assertEquals(new RpfmCommand(4, "SavePackAs", new JsonArray("[\"a\",\"b\"]")),
        RpfmCommand.fromBus(4, new JsonObject("{\"command\":\"SavePackAs\",\"args\":[\"a\",\"b\"],\"other\":1}")));
    assertBusCommandFails("{}", "missing field `command`");
    assertBusCommandFails("{\"command\":5}", "invalid type: integer `5`, expected a string");
    assertBusCommandFails("{\"command\":\"ClosePack\"}", "invalid type: unit variant, expected newtype variant");
    assertBusCommandFails("{\"command\":\"ClosePack\",\"args\":null}", "invalid type: null, expected a string");
    assertBusCommandFails("{\"command\":\"NewPack\",\"args\":\"x\"}", "invalid type: string \"x\", expected unit");
    assertBusCommandFails("{\"command\":\"SavePackAs\",\"args\":[\"a\"]}",
        "invalid length 1, expected tuple variant Command::SavePackAs with 2 elements");
    RpfmCodecException e = assertThrows(RpfmCodecException.class,
        () -> RpfmCommand.fromBus(4, new JsonObject("{\"command\":\"Foo\"}")));
    assertTrue(e.reason().startsWith("unknown variant `Foo`, expected one of `Exit`, `ClientDisconnecting`, "));
  }

  private static void assertBusCommandFails(String bus, String reason) {
    RpfmCodecException e = assertThrows(RpfmCodecException.class, () -> RpfmCommand.fromBus(9, new JsonObject(bus)));
    assertFailure(e, Reason.BAD_COMMAND, 9L, reason);
  }

  @Test
  void busFormsOfResponses() throws RpfmCodecException {
    assertEquals(new JsonObject("{\"variant\":\"String\",\"value\":\"k\"}"), new RpfmResponse(1, "String", "k").toBus());
    assertEquals(new JsonObject("{\"variant\":\"Success\"}"), RpfmResponse.success(1).toBus());
    assertEquals(new JsonObject("{\"variant\":\"OptionContainerPath\",\"value\":null}"),
        new RpfmResponse(1, "OptionContainerPath", null).toBus());
    assertEquals(RpfmResponse.error(2, "bad"), RpfmResponse.fromBus(2, new JsonObject("{\"variant\":\"Error\",\"value\":\"bad\"}")));
    assertEquals(RpfmResponse.success(2), RpfmResponse.fromBus(2, new JsonObject("{\"variant\":\"Success\"}")));
    for (String bad : List.of("{}", "{\"variant\":\"Nope\"}", "{\"variant\":\"Error\"}", "{\"variant\":\"Success\",\"value\":1}",
        "{\"variant\":\"I32I32\",\"value\":[1]}")) {
      RpfmCodecException e = assertThrows(RpfmCodecException.class, () -> RpfmResponse.fromBus(2, new JsonObject(bad)), bad);
      assertEquals(Reason.BAD_RESPONSE, e.kind());
      assertEquals(2L, e.id());
    }
    assertTrue(RpfmResponse.error(1, "x").isError());
    assertEquals("x", RpfmResponse.error(1, "x").errorText());
    assertNull(RpfmResponse.success(1).errorText());
  }

  @Test
  void idsAreUnsignedOnTheBus() {
    assertEquals(7L, RpfmIds.toJson(7));
    assertEquals(new BigInteger(U64_MAX), RpfmIds.toJson(-1));
    assertEquals(U64_MAX, RpfmIds.toString(-1));
    assertEquals(-1L, RpfmIds.fromJson(new BigInteger(U64_MAX)));
    assertEquals(Long.MIN_VALUE, RpfmIds.fromJson(new BigInteger("9223372036854775808")));
    assertEquals(5L, RpfmIds.fromJson(5));
    for (Object bad : new Object[] {-1, -1L, 1.0, "1", null, new BigInteger("18446744073709551616"), BigInteger.valueOf(-1)}) {
      assertThrows(IllegalArgumentException.class, () -> RpfmIds.fromJson(bad), String.valueOf(bad));
    }
  }
}
