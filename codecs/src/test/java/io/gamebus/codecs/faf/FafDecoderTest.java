package io.gamebus.codecs.faf;

import static io.gamebus.codecs.faf.FafFixtures.buffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gamebus.codecs.faf.FafCodecException.Reason;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FafDecoderTest {

  private static Reason reasonFor(Buffer line) {
    return assertThrows(FafCodecException.class, () -> FafFixtures.decode(line)).reason();
  }

  private static Reason reasonFor(String line) {
    return reasonFor(buffer(line));
  }

  private static Buffer withBytes(String before, int[] raw, String after) {
    Buffer b = Buffer.buffer(before);
    for (int x : raw) {
      b.appendByte((byte) x);
    }
    return b.appendString(after);
  }

  @Test
  void decodesCommandAndFields() throws Exception {
    FafMessage m = FafFixtures.decode(buffer("{\"command\":\"session\",\"session\":42}"));
    assertEquals("session", m.command());
    assertEquals(42L, m.getLong("session"));
    assertNull(m.target());
    assertEquals("session", m.type());
    assertEquals(FafCommand.SESSION, m.kind());
  }

  @Test
  void keepsUnknownFieldsAndKeyOrder() throws Exception {
    FafMessage m = FafFixtures.decode(buffer("{\"zeta\":{\"deep\":[1,{\"x\":null}]},\"command\":\"ping\",\"alpha\":true}"));
    assertEquals(new JsonObject().put("deep", new JsonArray().add(1).add(new JsonObject().putNull("x"))),
        m.json().getJsonObject("zeta"));
    assertEquals(true, m.json().getBoolean("alpha"));
    assertEquals(java.util.List.of("zeta", "command", "alpha"), new java.util.ArrayList<>(m.json().fieldNames()));
  }

  @Test
  void welcomeFromTheServer() throws Exception {
    FafMessage m = FafFixtures.decode(buffer(FafFixtures.WELCOME));
    assertEquals(FafCommand.WELCOME, m.kind());
    JsonObject me = m.json().getJsonObject("me");
    assertEquals("Rhiza", me.getString("login"));
    assertEquals(1523.4, me.getJsonObject("ratings").getJsonObject("global").getJsonArray("rating").getDouble(0));
  }

  @Test
  void numbersKeepVertxTypes() throws Exception {
    JsonObject j = FafFixtures.decode(buffer(
        "{\"command\":\"x\",\"i\":1,\"l\":4294967296,\"b\":123456789012345678901234567890,\"d\":1.5,\"e\":1e3}")).json();
    assertInstanceOf(Integer.class, j.getValue("i"));
    assertInstanceOf(Long.class, j.getValue("l"));
    assertInstanceOf(BigInteger.class, j.getValue("b"));
    assertInstanceOf(Double.class, j.getValue("d"));
    assertEquals(1000.0, j.getValue("e"));
  }

  @Test
  void gameMessageHasGameType() throws Exception {
    FafMessage m = FafFixtures.decode(buffer(FafFixtures.GAME_STATE));
    assertTrue(m.isGame());
    assertEquals("game.GameState", m.type());
    assertEquals(new JsonArray().add("Lobby"), m.json().getJsonArray("args"));
    assertEquals(FafCommand.UNKNOWN, m.kind());
  }

  @Test
  void iceMsgArgsKeepTheNestedObject() throws Exception {
    FafMessage m = FafFixtures.decode(buffer(FafFixtures.ICE_MSG));
    assertEquals("game.IceMsg", m.type());
    JsonArray args = m.json().getJsonArray("args");
    assertEquals(4711, args.getInteger(0));
    assertEquals("udp", args.getJsonObject(1).getJsonArray("candidates").getJsonObject(0).getString("protocol"));
  }

  @Test
  void gameInfoBothForms() throws Exception {
    FafMessage list = FafFixtures.decode(buffer(FafFixtures.gameInfoList(3)));
    assertEquals(3, list.json().getJsonArray("games").size());
    FafMessage single = FafFixtures.decode(buffer(FafFixtures.GAME_INFO_SINGLE));
    assertEquals(FafCommand.GAME_INFO, single.kind());
    assertEquals(21450100, single.json().getInteger("uid"));
    assertNull(single.json().getValue("launched_at"));
  }

  @Test
  void targetThatIsNotAStringIsALobbyMessage() throws Exception {
    FafMessage m = FafFixtures.decode(buffer("{\"command\":\"ping\",\"target\":5}"));
    assertNull(m.target());
    assertFalse(m.isGame());
  }

  @Test
  void surroundingWhitespaceIsAccepted() throws Exception {
    assertEquals("ping", FafFixtures.decode(buffer(" \t{\"command\":\"ping\"}\r ")).command());
  }

  @Test
  void duplicateKeysLastOneWins() throws Exception {
    assertEquals("b", FafFixtures.decode(buffer("{\"command\":\"a\",\"command\":\"b\"}")).command());
  }

  @Test
  void decodesAByteRange() throws Exception {
    byte[] bytes = "xx{\"command\":\"ping\"}yy".getBytes(StandardCharsets.US_ASCII);
    assertEquals("ping", FafDecoder.decode(bytes, 2, bytes.length - 4).command());
  }

  @Test
  void nonAsciiText() throws Exception {
    assertEquals("Grüße ✓ 🎮", FafFixtures.decode(buffer("{\"command\":\"x\",\"t\":\"Grüße ✓ 🎮\"}")).getString("t"));
  }

  @Test
  void notUtf8InvalidByte() {
    assertEquals(Reason.NOT_UTF8, reasonFor(withBytes("{\"command\":\"x\",\"t\":\"", new int[] {0xFF}, "\"}")));
  }

  @Test
  void notUtf8OverlongEncoding() {
    // C0 AF is an overlong '/'; Jackson alone would accept it.
    assertEquals(Reason.NOT_UTF8, reasonFor(withBytes("{\"command\":\"x\",\"t\":\"", new int[] {0xC0, 0xAF}, "\"}")));
  }

  @Test
  void notUtf8EncodedSurrogate() {
    assertEquals(Reason.NOT_UTF8, reasonFor(withBytes("{\"command\":\"x\",\"t\":\"", new int[] {0xED, 0xA0, 0x80}, "\"}")));
  }

  @Test
  void notUtf8TruncatedSequence() {
    assertEquals(Reason.NOT_UTF8, reasonFor(withBytes("{\"command\":\"x\",\"t\":\"", new int[] {0xE2, 0x82}, "\"}")));
  }

  @Test
  void notUtf8OutsideAString() {
    assertEquals(Reason.NOT_UTF8, reasonFor(withBytes("{\"command\":\"x\"}", new int[] {0x80}, "")));
  }

  @Test
  void notJson() {
    FafCodecException e = assertThrows(FafCodecException.class, () -> FafFixtures.decode(buffer("{\"command\":")));
    assertEquals(Reason.NOT_JSON, e.reason());
    assertTrue(e.getMessage().startsWith("not JSON: "), e.getMessage());
  }

  @Test
  void notJsonPlainText() {
    assertEquals(Reason.NOT_JSON, reasonFor("PING"));
  }

  @Test
  void emptyIsNotJson() {
    assertEquals(Reason.NOT_JSON, reasonFor(""));
    assertEquals(Reason.NOT_JSON, reasonFor("  \r"));
  }

  @Test
  void trailingGarbageIsNotJson() {
    assertEquals(Reason.NOT_JSON, reasonFor("{\"command\":\"ping\"}x"));
  }

  @Test
  void twoObjectsOnOneLineAreNotJson() {
    FafCodecException e = assertThrows(FafCodecException.class,
        () -> FafFixtures.decode(buffer("{\"command\":\"ping\"} {\"command\":\"pong\"}")));
    assertEquals(Reason.NOT_JSON, e.reason());
    assertEquals("not JSON: trailing data at byte 19", e.getMessage());
  }

  @Test
  void nanIsNotJson() {
    assertEquals(Reason.NOT_JSON, reasonFor("{\"command\":\"x\",\"v\":NaN}"));
  }

  @Test
  void deepNestingIsRejectedWithoutStackOverflow() {
    assertEquals(Reason.NOT_JSON, reasonFor("{\"command\":\"x\",\"v\":" + "[".repeat(100_000)));
  }

  @Test
  void jsonArrayIsNotAnObject() {
    FafCodecException e = assertThrows(FafCodecException.class, () -> FafFixtures.decode(buffer("[{\"command\":\"ping\"}]")));
    assertEquals(Reason.NOT_OBJECT, e.reason());
    assertEquals("JSON value is not an object: array", e.getMessage());
  }

  @Test
  void scalarsAreNotObjects() {
    assertEquals(Reason.NOT_OBJECT, reasonFor("\"ping\""));
    assertEquals(Reason.NOT_OBJECT, reasonFor("42"));
    assertEquals(Reason.NOT_OBJECT, reasonFor("null"));
  }

  @Test
  void invalidArrayIsNotJsonRatherThanNotObject() {
    assertEquals(Reason.NOT_JSON, reasonFor("[1,"));
  }

  @Test
  void missingCommand() {
    FafCodecException e = assertThrows(FafCodecException.class, () -> FafFixtures.decode(buffer("{\"session\":1}")));
    assertEquals(Reason.MISSING_COMMAND, e.reason());
    assertEquals("command: missing", e.getMessage());
  }

  @Test
  void nullCommandIsMissing() {
    assertEquals(Reason.MISSING_COMMAND, reasonFor("{\"command\":null}"));
  }

  @Test
  void commandNotAString() {
    FafCodecException e = assertThrows(FafCodecException.class, () -> FafFixtures.decode(buffer("{\"command\":5}")));
    assertEquals(Reason.MISSING_COMMAND, e.reason());
    assertEquals("command: expected string, got integer", e.getMessage());
    assertEquals(Reason.MISSING_COMMAND, reasonFor("{\"command\":{\"name\":\"ping\"}}"));
  }
}
