package io.gamebus.codecs.modrinth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gamebus.codecs.modrinth.ModrinthCodecException.Reason;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModrinthCodecTest {

  private final ModrinthCodec codec = new ModrinthCodec();

  @Test
  void everyEventOfTheCatalogueHasAFixture() {
    for (ModrinthEvent e : ModrinthEvent.values()) {
      assertTrue(ModrinthFixtures.everyEvent().containsKey(e.wireName()), e.wireName());
    }
    assertEquals(ModrinthEvent.values().length, ModrinthFixtures.everyEvent().size());
  }

  @Test
  void everyEventDecodesAndReencodesToTheSameJson() {
    for (Map.Entry<String, String> e : ModrinthFixtures.everyEvent().entrySet()) {
      ModrinthFrame frame = codec.decode(Buffer.buffer(e.getValue()));
      assertEquals(e.getKey(), frame.event());
      assertSame(ModrinthEvent.of(e.getKey()), frame.kind());
      assertTrue(frame.known());
      assertEquals(new JsonObject(e.getValue()), frame.json(), e.getKey());
      // Compact, in wire order: the fixtures are written compactly, so the bytes come back equal.
      assertEquals(e.getValue(), codec.encodeText(frame.json()), e.getKey());
      assertEquals(e.getValue(), codec.encode(frame.json()).toString(StandardCharsets.UTF_8), e.getKey());
      assertEquals(frame, codec.decode(e.getValue()), e.getKey());
    }
  }

  @Test
  void bigByteCountsStayExact() {
    JsonObject stats = codec.decode(ModrinthFixtures.stats()).json();
    assertEquals(123456789012L, stats.getLong("net_tx_bytes"));
    assertEquals(37.25, stats.getDouble("cpu_percent"));
    String huge = ModrinthFixtures.stats().replace("98765432109", "18446744073709551615");
    assertEquals(new BigInteger("18446744073709551615"), codec.decode(huge).json().getValue("net_rx_bytes"));
  }

  @Test
  void unknownEventPassesThroughUnchanged() {
    String text = "{\"event\":\"world-reset\",\"seed\":-42,\"nested\":{\"a\":[1,null,\"x\"]}}";
    ModrinthFrame frame = codec.decode(text);
    assertEquals("world-reset", frame.event());
    assertNull(frame.kind());
    assertFalse(frame.known());
    assertEquals(text, codec.encodeText(frame.json()));
  }

  @Test
  void unknownFieldsOfAKnownEventAreKept() {
    String text = "{\"event\":\"log\",\"stream\":\"stdout\",\"message\":\"hi\",\"node\":\"n7\",\"seq\":9}";
    ModrinthFrame frame = codec.decode(text);
    assertEquals("n7", frame.json().getString("node"));
    assertEquals(text, codec.encodeText(frame.json()));
  }

  @Test
  void eventMissingOrNotAString() {
    assertEquals("event: required field missing", refused("{\"stream\":\"stdout\"}", Reason.NO_EVENT));
    assertEquals("event: expected a string, got null", refused("{\"event\":null}", Reason.NO_EVENT));
    assertEquals("event: expected a string, got 7", refused("{\"event\":7}", Reason.NO_EVENT));
    assertEquals("event: expected a string, got an object", refused("{\"event\":{}}", Reason.NO_EVENT));
    ModrinthCodecException e = assertThrows(ModrinthCodecException.class,
        () -> codec.encodeText(new JsonObject().put("cmd", "x")));
    assertEquals(Reason.NO_EVENT, e.reason());
  }

  @Test
  void notJsonNotAnObjectNotUtf8() {
    refused("{\"event\":\"log\"", Reason.NOT_JSON);
    refused("", Reason.NOT_JSON);
    refused("{\"event\":\"auth-ok\"} {}", Reason.NOT_JSON);
    refused("[{\"event\":\"auth-ok\"}]", Reason.NOT_OBJECT);
    refused("\"auth-ok\"", Reason.NOT_OBJECT);
    byte[] bad = "{\"event\":\"log\",\"stream\":\"stdout\",\"message\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    bad[bad.length - 4] = (byte) 0xC0; // an overlong lead byte inside the message string
    ModrinthCodecException e = assertThrows(ModrinthCodecException.class, () -> codec.decode(Buffer.buffer(bad)));
    assertEquals(Reason.NOT_UTF8, e.reason());
  }

  @Test
  void sizeLimitByName() {
    ModrinthCodec small = new ModrinthCodec(64);
    String prefix = "{\"event\":\"log\",\"stream\":\"stdout\",\"message\":\"";
    String exact = prefix + "x".repeat(64 - prefix.length() - 2) + "\"}";
    assertEquals(64, exact.length());
    assertEquals("log", small.decode(Buffer.buffer(exact)).event());
    assertEquals("log", small.decode(exact).event());
    String over = prefix + "x".repeat(64 - prefix.length() - 1) + "\"}";
    ModrinthCodecException bytes = assertThrows(ModrinthCodecException.class, () -> small.decode(Buffer.buffer(over)));
    assertEquals(Reason.TOO_LARGE, bytes.reason());
    assertEquals("frame of 65 bytes exceeds the limit of 64 bytes", bytes.getMessage());
    // A text longer in chars than the limit is refused before its UTF-8 bytes are made.
    ModrinthCodecException text = assertThrows(ModrinthCodecException.class, () -> small.decode(over));
    assertEquals(Reason.TOO_LARGE, text.reason());
    assertEquals("frame of at least 65 bytes exceeds the limit of 64 bytes", text.getMessage());
    // Counted in UTF-8 bytes, not chars: 62 chars, but "é" takes two bytes each.
    String multibyte = prefix + "é".repeat((64 - prefix.length() - 2) / 2 + 1) + "\"}";
    assertTrue(multibyte.length() <= 64);
    assertEquals(Reason.TOO_LARGE, assertThrows(ModrinthCodecException.class, () -> small.decode(multibyte)).reason());
    assertEquals(1024 * 1024, new ModrinthCodec().maxBytes());
    assertThrows(IllegalArgumentException.class, () -> new ModrinthCodec(0));
  }

  @Test
  void defaultLimitTakesAFrameOfExactlyOneMebibyte() {
    String prefix = "{\"event\":\"log\",\"stream\":\"stdout\",\"message\":\"";
    String exact = prefix + "x".repeat(ModrinthCodec.DEFAULT_MAX_BYTES - prefix.length() - 2) + "\"}";
    assertEquals(ModrinthCodec.DEFAULT_MAX_BYTES, exact.length());
    assertEquals("log", codec.decode(Buffer.buffer(exact)).event());
    assertEquals(Reason.TOO_LARGE,
        assertThrows(ModrinthCodecException.class, () -> codec.decode(Buffer.buffer(exact + " "))).reason());
  }

  @Test
  void jwtNeverAppearsInAMessage() {
    String jwt = ModrinthFixtures.JWT;
    // Unquoted: Jackson quotes the token it could not read.
    String unquoted = refused("{\"event\":\"auth\",\"jwt\":" + jwt + "}", Reason.NOT_JSON);
    assertFalse(unquoted.contains(jwt.substring(0, 20)), unquoted);
    // Wrong type: named by type only.
    String wrongType = refused("{\"event\":\"auth\",\"jwt\":[\"" + jwt + "\"]}", Reason.BAD_FIELDS);
    assertEquals("auth.jwt: expected a string, got an array", wrongType);
    assertEquals("auth.jwt: expected a string, got a number",
        refused("{\"event\":\"auth\",\"jwt\":123456789}", Reason.BAD_FIELDS));
    String missing = refused("{\"event\":\"auth\",\"token\":\"" + jwt + "\"}", Reason.BAD_FIELDS);
    assertEquals("auth.jwt: required field missing", missing);
  }

  @Test
  void longValuesAreCutInMessages() {
    String message = refused("{\"event\":\"log\",\"stream\":\"" + "s".repeat(5000) + "\",\"message\":\"m\"}",
        Reason.BAD_FIELDS);
    assertTrue(message.startsWith("log.stream: expected one of stdout, stderr, got \"" + "s".repeat(64) + "…\""),
        message);
    assertTrue(message.endsWith("(5000 chars)"), message);
    assertTrue(message.length() < 200, message);
  }

  @Test
  void encodeRefusesABadShapeWithTheFieldPath() {
    JsonObject bad = new JsonObject().put("event", "stats").put("cpu_percent", 1.5).put("ram_usage_bytes", "x");
    ModrinthCodecException e = assertThrows(ModrinthCodecException.class, () -> codec.encode(bad));
    assertEquals(Reason.BAD_FIELDS, e.reason());
    assertEquals("stats.ram_usage_bytes: expected a non-negative number, got \"x\"", e.getMessage());
    assertThrows(ModrinthCodecException.class, () -> ModrinthCodec.validate(bad));
  }

  @Test
  void encodeAcceptsPlainMapsAndListsPutByAVerticle() {
    JsonObject ops = new JsonObject().put("event", "filesystem-ops").put("all", java.util.List.of(new java.util.HashMap<>(Map.of(
        "op", "unarchive", "id", "x", "progress", 0, "bytes_processed", 1L, "files_processed", 2,
        "state", "done", "mime", "application/zip", "src", "/a.zip", "started", "2026-12-01T00:00:00Z"))));
    assertEquals("filesystem-ops", codec.decode(codec.encode(ops)).event());
    ops.getJsonArray("all").getJsonObject(0).put("state", "exploded");
    // getJsonObject wraps without copying, so the change is in the map the encoder sees.
    assertEquals(Reason.BAD_FIELDS, assertThrows(ModrinthCodecException.class, () -> codec.encode(ops)).reason());
  }

  @Test
  void redactedReplacesTheJwtAndLeavesTheOriginalIntact() {
    JsonObject auth = codec.decode(ModrinthFixtures.everyEvent().get("auth")).json();
    JsonObject copy = ModrinthCodec.redacted(auth);
    assertEquals("<redacted>", copy.getString("jwt"));
    assertEquals("auth", copy.getString("event"));
    assertEquals(ModrinthFixtures.JWT, auth.getString("jwt"));
    assertFalse(copy.encode().contains(ModrinthFixtures.JWT));
    JsonObject command = ModrinthEvents.command("list");
    JsonObject same = ModrinthEvents.redacted(command);
    assertEquals(command, same);
    assertFalse(same.containsKey("jwt"));
    same.put("extra", 1);
    assertFalse(command.containsKey("extra"));
  }

  /** The message of the refusal, after checking its reason (any reason when null). */
  private String refused(String text, Reason reason) {
    ModrinthCodecException e = assertThrows(ModrinthCodecException.class, () -> codec.decode(text));
    if (reason != null) {
      assertEquals(reason, e.reason(), e.getMessage());
    }
    assertFalse(e.getMessage().contains(ModrinthFixtures.JWT), e.getMessage());
    return e.getMessage();
  }
}
