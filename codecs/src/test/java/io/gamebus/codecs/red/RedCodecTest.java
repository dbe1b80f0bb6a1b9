package io.gamebus.codecs.red;

import static io.gamebus.codecs.red.RedValidationTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gamebus.codecs.red.FromClient.Call;
import io.gamebus.codecs.red.FromClient.Close;
import io.gamebus.codecs.red.FromClient.Rule;
import io.gamebus.codecs.red.RedCodecException.Reason;
import io.gamebus.codecs.red.RedMessage.ErrorReply;
import io.gamebus.codecs.red.RedMessage.Notification;
import io.gamebus.codecs.red.RedMessage.Request;
import io.gamebus.codecs.red.RedMessage.Result;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits, both roles' decoding, round trips through encode, and Red's output layout. */
class RedCodecTest {

  private final RedCodec codec = new RedCodec();

  @Test
  void defaultLimitIsTheLargestMessageRedAccepts() {
    assertEquals(4 * 1024 * 1024 - 1, RedCodec.DEFAULT_MAX_BYTES);
    assertEquals(RedCodec.DEFAULT_MAX_BYTES, codec.maxBytes());
    String head = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"M\",\"params\":\"";
    String fits = head + "a".repeat(RedCodec.DEFAULT_MAX_BYTES - head.length() - 2) + "\"}";
    assertEquals(RedCodec.DEFAULT_MAX_BYTES, fits.length());
    assertInstanceOf(Call.class, codec.decodeFromClient(Buffer.buffer(fits)));
    // aiohttp refuses a message of exactly max_msg_size = 4 MiB.
    String fourMiB = head + "a".repeat(4 * 1024 * 1024 - head.length() - 2) + "\"}";
    assertEquals(new Close(1009, Rule.TOO_LARGE), codec.decodeFromClient(Buffer.buffer(fourMiB)));
    assertEquals(new Close(1009, Rule.TOO_LARGE), codec.decodeFromClient(fourMiB));
  }

  @Test
  void limitAtExactlyMaxAndMaxPlusOne() {
    String frame = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"\u00e9\"}"; // é: 2 bytes, 1 char
    int max = frame.getBytes(StandardCharsets.UTF_8).length;
    RedCodec exact = new RedCodec(max);
    RedCodec under = new RedCodec(max - 1);
    assertInstanceOf(Result.class, exact.decodeFromServer(frame));
    assertInstanceOf(Result.class, exact.decodeFromServer(Buffer.buffer(frame)));
    assertEquals(Rule.CLIENT_RESULT, exact.decodeFromClient(frame).rule());
    assertEquals(Reason.TOO_LARGE, assertThrows(RedCodecException.class, () -> under.decodeFromServer(frame)).reason());
    assertEquals(Reason.TOO_LARGE,
        assertThrows(RedCodecException.class, () -> under.decodeFromServer(Buffer.buffer(frame))).reason());
    assertEquals(new Close(1009, Rule.TOO_LARGE), under.decodeFromClient(frame)); // counted in bytes, not chars
    byte[] b = frame.getBytes(StandardCharsets.UTF_8);
    assertEquals(new Close(1009, Rule.TOO_LARGE), under.decodeFromClient(b, 0, b.length));
    assertThrows(IllegalArgumentException.class, () -> new RedCodec(0));
  }

  @Test
  void clientRoleReadsResultErrorNotificationAndServerCall() {
    Result r = assertInstanceOf(Result.class, codec.decodeFromServer("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": []}"));
    assertEquals(1, r.id());
    assertEquals(new JsonArray(), r.result());
    ErrorReply e = assertInstanceOf(ErrorReply.class, codec.decodeFromServer(
        "{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32602, \"message\": \"to few arguments\"}, \"id\": 2}"));
    assertEquals(2, e.id());
    assertEquals(RedError.TOO_FEW_ARGUMENTS, e.error());
    ErrorReply parse = assertInstanceOf(ErrorReply.class, codec.decodeFromServer(
        "{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32700, \"message\": \"Invalid JSON was received\"}}"));
    assertNull(parse.id());
    assertEquals(new RedError(-32001, "x", new JsonObject().put("k", 1)), ((ErrorReply) codec.decodeFromServer(
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"x\",\"data\":{\"k\":1}},\"id\":3}")).error());
    Notification n = assertInstanceOf(Notification.class,
        codec.decodeFromServer("{\"jsonrpc\": \"2.0\", \"method\": \"FAF__GAME_INFO\", \"params\": {\"games\": []}}"));
    assertEquals("FAF__GAME_INFO", n.method());
    assertEquals(new JsonObject().put("games", new JsonArray()), n.params());
    Request call = assertInstanceOf(Request.class,
        codec.decodeFromServer("{\"jsonrpc\": \"2.0\", \"method\": \"confirm\", \"id\": 0, \"params\": {\"message\": \"\"}}"));
    assertEquals(0, call.id());
    assertEquals("confirm", call.method());
  }

  @Test
  void clientRoleKeepsUnknownMembers() {
    String text = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"a\":1},\"trace\":{\"ms\":3},\"node\":\"b\"}";
    Result r = (Result) codec.decodeFromServer(text);
    assertEquals(new JsonObject(text), r.json());
    assertEquals("b", r.json().getString("node"));
    assertEquals("{\"jsonrpc\": \"2.0\", \"id\": 7, \"result\": {\"a\": 1}, \"trace\": {\"ms\": 3}, \"node\": \"b\"}", r.encode());
    Notification n = (Notification) codec.decodeFromServer("{\"jsonrpc\":\"2.0\",\"method\":\"T\",\"extra\":[1]}");
    assertNull(n.params());
    assertEquals(new JsonArray().add(1), n.json().getJsonArray("extra"));
  }

  @Test
  void clientRoleRefusesWhatIsNotAServerMessage() {
    assertEquals(Reason.NOT_JSON, refused("{\"jsonrpc\":"));
    assertEquals(Reason.NOT_OBJECT, refused("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1}]"));
    assertEquals(Reason.NOT_UTF8, assertThrows(RedCodecException.class,
        () -> codec.decodeFromServer(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"", 0xC3, "\"}"))).reason());
    assertEquals(Reason.NOT_JSON, assertThrows(RedCodecException.class,
        () -> codec.decodeFromServer(bytes("", 0xEF, 0xBB, 0xBF, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1}"))).reason());
    for (String bad : List.of("{\"id\":1,\"result\":1}", "{\"jsonrpc\":\"1.0\",\"id\":1,\"result\":1}",
        "{\"jsonrpc\":\"2.0\",\"result\":1}", "{\"jsonrpc\":\"2.0\",\"id\":1}", "{\"jsonrpc\":\"2.0\",\"method\":1}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"x\"}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":\"1\",\"message\":\"m\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1.5,\"message\":\"m\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32600}}")) {
      assertEquals(Reason.NOT_JSON_RPC, refused(bad), bad);
    }
  }

  @Test
  void bothDirectionsRoundTripThroughEncode() {
    JsonObject params = new JsonObject().put("pkg_names", new JsonArray().add("general").add("économie"));
    Request request = Request.of(41, "CORE__LOAD", params);
    assertEquals("{\"jsonrpc\": \"2.0\", \"method\": \"CORE__LOAD\", \"id\": 41, "
        + "\"params\": {\"pkg_names\": [\"general\", \"\\u00e9conomie\"]}}", request.encode());
    // client → server → the server's decision carries the same request
    assertEquals(request, ((Call) codec.decodeFromClient(request.encode())).request());
    assertEquals("{\"jsonrpc\": \"2.0\", \"method\": \"GET_METHODS\", \"id\": \"a\"}", Request.of("a", "GET_METHODS", null).encode());
    // server → client
    Result result = Result.of(41, new JsonObject().put("loaded_packages", new JsonArray().add("general")));
    assertEquals(result, codec.decodeFromServer(result.encode()));
    Result nullResult = Result.of(2, null);
    assertEquals("{\"jsonrpc\": \"2.0\", \"id\": 2, \"result\": null}", nullResult.encode());
    assertEquals(nullResult, codec.decodeFromServer(nullResult.encode()));
    ErrorReply error = ErrorReply.of(null, RedError.PARSE_ERROR);
    assertEquals(error, codec.decodeFromServer(error.encode()));
    Notification note = Notification.of("FAF__GAME_INFO", new JsonObject().put("uid", 7));
    assertEquals("{\"jsonrpc\": \"2.0\", \"method\": \"FAF__GAME_INFO\", \"params\": {\"uid\": 7}}", note.encode());
    assertEquals(note, codec.decodeFromServer(note.encode()));
    assertEquals("{\"jsonrpc\": \"2.0\", \"method\": \"T\"}", Notification.of("T", null).encode());
    assertThrows(NullPointerException.class, () -> Request.of(null, "M", null));
  }

  @Test
  void encodingWritesPythonsLayout() {
    JsonObject v = new JsonObject()
        .put("s", "q\"b\\n\n\t\r\b\f\u0001\u007f/é😀")
        .put("i", 12).put("l", 1L << 40).put("big", new java.math.BigInteger("123456789012345678901234567890"))
        .put("f", List.of(1.5, 100.0, 1e16, 1e15, 1e-5, 0.0001, -0.0, 1.0 / 3, 2.5e-300, -1.25e22))
        .put("e", new JsonObject()).put("a", new JsonArray()).put("b", true).putNull("n");
    assertEquals("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": {\"s\": \"q\\\"b\\\\n\\n\\t\\r\\b\\f\\u0001\\u007f/\\u00e9"
        + "\\ud83d\\ude00\", \"i\": 12, \"l\": 1099511627776, \"big\": 123456789012345678901234567890, "
        + "\"f\": [1.5, 100.0, 1e+16, 1000000000000000.0, 1e-05, 0.0001, -0.0, 0.3333333333333333, 2.5e-300, -1.25e+22], "
        + "\"e\": {}, \"a\": [], \"b\": true, \"n\": null}}", Result.of(1, v).encode());
    assertEquals("[NaN, Infinity, -Infinity]", PythonJson.encode(List.of(Double.NaN, 1 / 0.0, -1 / 0.0)));
  }

  @Test
  void bigResultRoundTripsAndDecodesFromAnOffset() {
    String text = RedFixtures.bigResult(9, 64 * 1024);
    Result r = (Result) codec.decodeFromServer(text);
    assertEquals(9, r.id());
    assertEquals(text, r.encode()); // the fixture is Red's layout, so the bytes come back equal
    byte[] framed = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
    assertEquals(r, codec.decodeFromServer(framed, 2, framed.length - 4));
    Call call = (Call) codec.decodeFromClient(bytesAt("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"M\"}"), 3, 37);
    assertEquals("M", call.request().method());
  }

  private static byte[] bytesAt(String frame) {
    return ("abc" + frame + "def").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void resultThatIsNotJsonIsRefusedSoTheServerCanAnswer32603() {
    Result r = Result.of(1, new JsonObject().put("when", new Object()));
    assertThrows(IllegalArgumentException.class, r::encode);
  }

  private Reason refused(String text) {
    return assertThrows(RedCodecException.class, () -> codec.decodeFromServer(text)).reason();
  }
}
