package io.gamebus.codecs.red;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.gamebus.codecs.red.FromClient.Call;
import io.gamebus.codecs.red.FromClient.Close;
import io.gamebus.codecs.red.FromClient.Ignore;
import io.gamebus.codecs.red.FromClient.Reply;
import io.gamebus.codecs.red.FromClient.Rule;
import io.gamebus.codecs.red.RedMessage.ErrorReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every row of red.md §4's validation table (and the framing rules of §3 and §9), by name: the
 * decision, and for a reply its code, message and echoed id as the reply's bytes carry them.
 */
class RedValidationTest {

  private static final String INVALID = "{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32600, \"message\": \"Invalid request\"}";

  private final RedCodec codec = new RedCodec();

  @Test
  void frameOverTheLimitClosesWith1009AndNoReply() {
    RedCodec small = new RedCodec(64);
    String frame = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GET_METHODS\",\"params\":\"" + "x".repeat(20) + "\"}";
    assertEquals(new Close(1009, Rule.TOO_LARGE), small.decodeFromClient(frame));
    assertEquals(new Close(1009, Rule.TOO_LARGE), small.decodeFromClient(Buffer.buffer(frame)));
  }

  @Test
  void frameNotUtf8ClosesWith1007AndNoReply() {
    Buffer bad = bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"X", 0xFF, "\"}");
    assertEquals(new Close(1007, Rule.NOT_UTF8), codec.decodeFromClient(bad));
    // An encoded surrogate (ED A0 80) and an overlong slash (C0 AF): Python's decoder refuses both.
    assertEquals(Rule.NOT_UTF8, codec.decodeFromClient(bytes("{\"a\":\"", 0xED, 0xA0, 0x80, "\"}")).rule());
    assertEquals(Rule.NOT_UTF8, codec.decodeFromClient(bytes("{\"a\":\"", 0xC0, 0xAF, "\"}")).rule());
    // UTF-8 is checked before JSON, as aiohttp decodes the text before json.loads sees it.
    assertEquals(Rule.NOT_UTF8, codec.decodeFromClient(bytes("not json ", 0xFF)).rule());
  }

  @Test
  void notValidJsonIsAnswered32700WithoutId() {
    for (String frame : new String[] {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GET_METHODS\"", "", "   ",
        "{'jsonrpc':'2.0'}", "{\"a\":1} {\"b\":2}", "{\"id\":1,}", "GET_METHODS"}) {
      Reply reply = assertReply(frame, Rule.NOT_JSON, -32700, "Invalid JSON was received", null);
      assertEquals("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32700, \"message\": \"Invalid JSON was received\"}}",
          reply.reply().encode());
    }
  }

  @Test
  void nanAndInfinityAreNotJsonHereThoughPythonReadsThem() {
    // A known difference: Python's json.loads accepts NaN, Infinity and -Infinity; the shared strict
    // decoder does not, so such a frame gets -32700 where Red would go on to the next rule.
    for (String frame : new String[] {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"M\",\"params\":[NaN]}",
        "{\"x\":Infinity}", "{\"x\":-Infinity}"}) {
      assertReply(frame, Rule.NOT_JSON, -32700, "Invalid JSON was received", null);
    }
  }

  @Test
  void leadingByteOrderMarkIsNotJson() {
    // Jackson would skip it; Python's json.loads refuses it ("Unexpected UTF-8 BOM").
    assertReply(bytes("", 0xEF, 0xBB, 0xBF, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"M\"}"),
        Rule.NOT_JSON, -32700, "Invalid JSON was received", null);
    assertReply(bytes("", 0xEF, 0xBB, 0xBF, "[1]"), Rule.NOT_JSON, -32700, "Invalid JSON was received", null);
  }

  @Test
  void batchesAndOtherNonObjectsGetNoReply() {
    for (String frame : new String[] {"[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GET_METHODS\"}]", "[]",
        "[\"jsonrpc\"]", "\"jsonrpc\"", "5", "-0.5", "true", "null"}) {
      FromClient d = codec.decodeFromClient(frame);
      assertEquals(new Ignore(Rule.NOT_OBJECT, null), d, frame);
    }
  }

  @Test
  void jsonrpcMissingOrNotExactly20IsInvalidWithTheId() {
    assertReply("{\"id\":7,\"method\":\"GET_METHODS\"}", Rule.BAD_VERSION, -32600, "Invalid request", 7);
    assertReply("{\"jsonrpc\":\"1.0\",\"id\":\"a\",\"method\":\"GET_METHODS\"}", Rule.BAD_VERSION, -32600,
        "Invalid request", "a");
    assertReply("{\"jsonrpc\":2.0,\"id\":8,\"method\":\"GET_METHODS\"}", Rule.BAD_VERSION, -32600, "Invalid request", 8);
    assertReply("{\"jsonrpc\":\"2.0 \",\"id\":[1],\"result\":1}", Rule.BAD_VERSION, -32600, "Invalid request",
        new JsonArray().add(1));
    assertReply("{\"jsonrpc\":null,\"id\":null,\"method\":\"X\"}", Rule.BAD_VERSION, -32600, "Invalid request", null);
    Reply r = assertReply("{\"id\":false}", Rule.BAD_VERSION, -32600, "Invalid request", false);
    assertEquals(INVALID + ", \"id\": false}", r.reply().encode());
  }

  @Test
  void notExactlyOneOfMethodResultErrorIsInvalidWithTheId() {
    assertReply("{\"jsonrpc\":\"2.0\",\"id\":3}", Rule.NOT_ONE_KIND, -32600, "Invalid request", 3);
    assertReply("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"M\",\"result\":null}", Rule.NOT_ONE_KIND, -32600,
        "Invalid request", 3);
    assertReply("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":1,\"error\":{}}", Rule.NOT_ONE_KIND, -32600,
        "Invalid request", "x");
    Reply r = assertReply("{\"jsonrpc\":\"2.0\",\"method\":5,\"result\":1,\"error\":1}", Rule.NOT_ONE_KIND, -32600,
        "Invalid request", null);
    assertEquals(INVALID + "}", r.reply().encode());
  }

  @Test
  void methodNotAStringIsInvalidWithoutId() {
    Reply r = assertReply("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":5}", Rule.METHOD_NOT_STRING, -32600,
        "Invalid request", null);
    assertEquals(INVALID + "}", r.reply().encode());
    assertReply("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":null}", Rule.METHOD_NOT_STRING, -32600, "Invalid request", null);
    assertReply("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":[\"M\"]}", Rule.METHOD_NOT_STRING, -32600, "Invalid request",
        null);
    // Checked before the notification rule: the message is the same either way.
    assertReply("{\"jsonrpc\":\"2.0\",\"method\":{}}", Rule.METHOD_NOT_STRING, -32600, "Invalid request", null);
  }

  @Test
  void notificationFromTheClientIsInvalidWithoutId() {
    assertReply("{\"jsonrpc\":\"2.0\",\"method\":\"GET_METHODS\"}", Rule.NOTIFICATION, -32600, "Invalid request", null);
    Reply r = assertReply("{\"jsonrpc\":\"2.0\",\"method\":\"GET_METHODS\",\"params\":[],\"id\":null}",
        Rule.NOTIFICATION, -32600, "Invalid request", null);
    assertEquals(INVALID + "}", r.reply().encode());
  }

  @Test
  void resultOrErrorWithoutIdIsInvalidWithoutId() {
    assertReply("{\"jsonrpc\":\"2.0\",\"result\":[1,2]}", Rule.RESPONSE_WITHOUT_ID, -32600, "Invalid request", null);
    assertReply("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"m\"}}", Rule.RESPONSE_WITHOUT_ID, -32600,
        "Invalid request", null);
  }

  @Test
  void errorObjectFromTheClientIsInvalidWithTheId() {
    Reply r = assertReply("{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":{\"code\":-32000,\"message\":\"mine\"}}",
        Rule.CLIENT_ERROR, -32600, "Invalid request", 9);
    assertEquals(INVALID + ", \"id\": 9}", r.reply().encode());
    assertReply("{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":\"boom\"}", Rule.CLIENT_ERROR, -32600, "Invalid request", 9);
    assertReply("{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":{\"code\":-32600}}", Rule.CLIENT_ERROR, -32600, "Invalid request", 9);
    assertReply("{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":{\"code\":1,\"message\":\"m\"}}", Rule.CLIENT_ERROR, -32600,
        "Invalid request", 9);
    assertReply("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32603,\"message\":\"m\"}}", Rule.CLIENT_ERROR,
        -32600, "Invalid request", null);
  }

  @Test
  void errorObjectWithAnArrayOrObjectCodeGetsNoReply() {
    for (String code : new String[] {"[1]", "{}", "[]"}) {
      String frame = "{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":{\"code\":" + code + ",\"message\":\"m\"}}";
      FromClient d = codec.decodeFromClient(frame);
      assertInstanceOf(Ignore.class, d, frame);
      assertEquals(Rule.CLIENT_ERROR, d.rule());
      assertEquals(new JsonObject(frame), ((Ignore) d).frame());
    }
  }

  @Test
  void resultFromTheClientGetsNoReply() {
    String frame = "{\"jsonrpc\":\"2.0\",\"id\":12,\"result\":{\"ok\":true}}";
    assertEquals(new Ignore(Rule.CLIENT_RESULT, new JsonObject(frame)), codec.decodeFromClient(frame));
    assertEquals(Rule.CLIENT_RESULT, codec.decodeFromClient("{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":null}").rule());
  }

  @Test
  void validRequestIsACallWithItsIdAndParams() {
    Call call = assertInstanceOf(Call.class,
        codec.decodeFromClient("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"CORE__LOAD\",\"params\":[[\"general\"]],\"x\":1}"));
    assertEquals(Rule.REQUEST, call.rule());
    assertEquals(1, call.request().id());
    assertEquals("CORE__LOAD", call.request().method());
    assertEquals(new JsonArray().add(new JsonArray().add("general")), call.request().params());
    assertEquals(1, call.request().json().getInteger("x")); // unknown members kept
    // Any id but null, params absent: still a request.
    for (String id : new String[] {"0", "false", "\"\"", "{\"k\":1}", "[]", "1.5", "123456789012345678901234567890"}) {
      Call c = assertInstanceOf(Call.class, codec.decodeFromClient("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"M\"}"));
      assertEquals(new JsonObject("{\"id\":" + id + "}").getValue("id"), c.request().id(), id);
      assertNull(c.request().params());
    }
  }

  @Test
  void unknownMethodIsAnswered32601WithTheId() {
    ErrorReply r = ErrorReply.of("q", RedError.METHOD_NOT_FOUND);
    assertEquals("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32601, \"message\": \"Method not found\"}, \"id\": \"q\"}",
        r.encode());
  }

  @Test
  void missingRequiredParameterIsAnswered32602ToFewArguments() {
    Call call = (Call) codec.decodeFromClient("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"CORE__LOAD\",\"params\":{\"args\":[]}}");
    Outcome<JsonObject> bound = RedSignature.of("pkg_names").bind(call.request().params());
    RedError error = assertInstanceOf(Outcome.Failed.class, bound).error();
    assertSame(RedError.TOO_FEW_ARGUMENTS, error);
    assertEquals("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32602, \"message\": \"to few arguments\"}, \"id\": 2}",
        ErrorReply.of(call.request().id(), error).encode());
  }

  @Test
  void failureInTheMethodIsAnswered32603InternalError() {
    assertEquals("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32603, \"message\": \"Internal Error\"}, \"id\": 5}",
        ErrorReply.of(5, RedError.INTERNAL_ERROR).encode());
    assertEquals("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32042, \"message\": \"busy\", \"data\": {\"retry\": 3}}, "
        + "\"id\": 5}", ErrorReply.of(5, RedError.serverDefined(-32042, "busy", new JsonObject().put("retry", 3))).encode());
  }

  @Test
  void mangledFramesAlwaysGetADecisionNeverAnException() {
    String[] seeds = {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"CORE__LOAD\",\"params\":[[\"général\"]]}",
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":{\"code\":-32000,\"message\":\"m\",\"data\":[1,{}]}}",
        "[{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":{\"a\":true}}]"};
    java.util.Random random = new java.util.Random(9);
    RedCodec small = new RedCodec(80);
    for (int n = 0; n < 3000; n++) {
      byte[] b = seeds[n % seeds.length].getBytes(java.nio.charset.StandardCharsets.UTF_8);
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        int at = random.nextInt(b.length);
        b[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) "{}[]\":,0n\\ ".charAt(random.nextInt(11));
      }
      int len = random.nextInt(b.length + 1);
      FromClient d = small.decodeFromClient(b, 0, len);
      if (d instanceof Reply r) {
        new JsonObject(r.reply().encode()); // what is sent is JSON
      }
    }
  }

  @Test
  void everyRuleHasATestAbove() {
    // A new rule must come with its own test here; this list is the codec's table, rule for rule.
    assertEquals("[TOO_LARGE, NOT_UTF8, NOT_JSON, NOT_OBJECT, BAD_VERSION, NOT_ONE_KIND, METHOD_NOT_STRING, "
        + "NOTIFICATION, RESPONSE_WITHOUT_ID, CLIENT_ERROR, CLIENT_RESULT, REQUEST]", Arrays.toString(Rule.values()));
    assertFalse(RedError.isKnownCode(-32001 + 100));
  }

  private Reply assertReply(String frame, Rule rule, int code, String message, Object id) {
    return assertReply(Buffer.buffer(frame), rule, code, message, id);
  }

  private Reply assertReply(Buffer frame, Rule rule, int code, String message, Object id) {
    FromClient d = codec.decodeFromClient(frame);
    Reply reply = assertInstanceOf(Reply.class, d, frame.toString());
    assertEquals(rule, reply.rule(), frame.toString());
    // Read back from the bytes that go on the wire, not from the object.
    JsonObject sent = new JsonObject(reply.reply().encode());
    assertEquals("2.0", sent.getString("jsonrpc"));
    assertEquals(code, sent.getJsonObject("error").getInteger("code"), frame.toString());
    assertEquals(message, sent.getJsonObject("error").getString("message"), frame.toString());
    assertFalse(sent.getJsonObject("error").containsKey("data"));
    assertEquals(id != null, sent.containsKey("id"), frame.toString());
    assertEquals(id, sent.getValue("id"), frame.toString());
    return reply;
  }

  static Buffer bytes(Object... parts) {
    Buffer b = Buffer.buffer();
    for (Object p : parts) {
      if (p instanceof String s) {
        b.appendString(s);
      } else {
        b.appendByte((byte) (int) (Integer) p);
      }
    }
    return b;
  }
}
