package io.gamebus.codecs.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gamebus.codecs.json.JsonFrameException.Reason;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFrameDecoderTest {

  private static final JsonFrameDecoder DECODER = new JsonFrameDecoder(1024);

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code before} + raw bytes + {@code after}, for bytes no Java string encodes. */
  private static byte[] withBytes(String before, int[] raw, String after) {
    Buffer b = Buffer.buffer(before);
    for (int x : raw) {
      b.appendByte((byte) x);
    }
    return b.appendString(after).getBytes();
  }

  private static JsonFrameException refused(JsonFrameDecoder decoder, byte[] frame) {
    return assertThrows(JsonFrameException.class, () -> decoder.decode(frame, 0, frame.length));
  }

  private static Reason reasonFor(byte[] frame) {
    return refused(DECODER, frame).reason();
  }

  private static Reason reasonFor(String frame) {
    return reasonFor(utf8(frame));
  }

  @Test
  void decodesAnObjectWithVertxTypesAndKeyOrder() throws Exception {
    JsonObject j = DECODER.decode(Buffer.buffer(
        "{\"z\":{\"deep\":[1,{\"x\":null}]},\"i\":1,\"l\":4294967296,\"b\":123456789012345678901234567890,"
            + "\"d\":1.5,\"t\":true,\"s\":\"Grüße ✓ 🎮\"}"));
    assertEquals(List.of("z", "i", "l", "b", "d", "t", "s"), new ArrayList<>(j.fieldNames()));
    assertEquals(new JsonObject().put("deep", new JsonArray().add(1).add(new JsonObject().putNull("x"))), j.getJsonObject("z"));
    assertInstanceOf(Integer.class, j.getValue("i"));
    assertInstanceOf(Long.class, j.getValue("l"));
    assertInstanceOf(BigInteger.class, j.getValue("b"));
    assertInstanceOf(Double.class, j.getValue("d"));
    assertEquals(true, j.getValue("t"));
    assertEquals("Grüße ✓ 🎮", j.getString("s"));
  }

  @Test
  void surroundingWhitespaceIsAcceptedAndTheLastDuplicateKeyWins() throws Exception {
    assertEquals(new JsonObject().put("a", 2), DECODER.decode(Buffer.buffer(" \t\r\n{\"a\":1,\"a\":2}\r\n ")));
  }

  @Test
  void decodesOnlyTheGivenRangeOfALargerArray() throws Exception {
    byte[] joined = utf8("[1,{\"a\":1}{\"b\":2}xx");
    assertEquals(new JsonObject().put("a", 1), DECODER.decode(joined, 3, 7));
    assertEquals(new JsonObject().put("b", 2), DECODER.decode(joined, 10, 7));
  }

  @Test
  void rejectsARangeOutsideTheArray() {
    assertThrows(IndexOutOfBoundsException.class, () -> DECODER.decode(new byte[4], 2, 3));
  }

  @Test
  void twoObjectsInOneFrameAreNotJson() {
    JsonFrameException e = refused(DECODER, utf8("{\"a\":1} {\"b\":2}"));
    assertEquals(Reason.NOT_JSON, e.reason());
    assertEquals("not JSON: trailing data at byte 8", e.getMessage());
  }

  @Test
  void eitherHalfOfASplitObjectIsNotJsonAndTheJoinedHalvesDecode() throws Exception {
    String whole = "{\"text\":\"a } b\",\"n\":[1,2]}";
    for (int cut = 1; cut < whole.length(); cut++) {
      assertEquals(Reason.NOT_JSON, reasonFor(whole.substring(0, cut)), "head " + cut);
      assertEquals(Reason.NOT_JSON, reasonFor(whole.substring(cut)), "tail " + cut);
      Buffer joined = Buffer.buffer(whole.substring(0, cut)).appendString(whole.substring(cut));
      assertEquals(new JsonObject(whole), DECODER.decode(joined), "cut " + cut);
    }
  }

  @Test
  void tooLargeOneBytePastTheLimit() {
    JsonFrameDecoder decoder = new JsonFrameDecoder(10);
    byte[] eleven = utf8("{\"a\":\"12\"} ");
    JsonFrameException e = refused(decoder, eleven);
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertEquals("frame of 11 bytes exceeds the limit of 10 bytes", e.getMessage());
    assertEquals(Reason.TOO_LARGE,
        assertThrows(JsonFrameException.class, () -> decoder.decode(Buffer.buffer(eleven))).reason());
  }

  @Test
  void exactlyAtTheLimitDecodes() throws Exception {
    JsonFrameDecoder decoder = new JsonFrameDecoder(10);
    byte[] ten = utf8("{\"a\":\"12\"}");
    assertEquals(10, ten.length);
    assertEquals(new JsonObject().put("a", "12"), decoder.decode(ten, 0, ten.length));
    assertEquals(new JsonObject().put("a", "12"), decoder.decode(Buffer.buffer(ten)));
  }

  @Test
  void theLimitCountsBytesNotCharacters() throws Exception {
    JsonFrameDecoder decoder = new JsonFrameDecoder(10);
    assertEquals(new JsonObject().put("a", "é"), decoder.decode(Buffer.buffer("{\"a\":\"é\"}"))); // 9 chars, 10 bytes
    assertEquals(Reason.TOO_LARGE, refused(decoder, utf8("{\"a\":\"éé\"}")).reason()); // 10 chars, 12 bytes
  }

  @Test
  void theLimitCountsTheRangeNotTheArray() throws Exception {
    byte[] joined = utf8("{\"a\":1}{\"b\":2}");
    assertEquals(new JsonObject().put("b", 2), new JsonFrameDecoder(7).decode(joined, 7, 7));
  }

  @Test
  void tooLargeIsCheckedBeforeAnythingElse() {
    JsonFrameDecoder decoder = new JsonFrameDecoder(4);
    assertEquals(Reason.TOO_LARGE, refused(decoder, withBytes("[", new int[] {0xFF}, "xyz")).reason());
  }

  @Test
  void rejectsANonPositiveLimit() {
    assertThrows(IllegalArgumentException.class, () -> new JsonFrameDecoder(0));
  }

  @Test
  void notUtf8InvalidByte() {
    assertEquals(Reason.NOT_UTF8, reasonFor(withBytes("{\"t\":\"", new int[] {0xFF}, "\"}")));
  }

  @Test
  void notUtf8OverlongEncoding() {
    // C0 AF is an overlong '/'; Jackson alone would accept it.
    assertEquals(Reason.NOT_UTF8, reasonFor(withBytes("{\"t\":\"", new int[] {0xC0, 0xAF}, "\"}")));
  }

  @Test
  void notUtf8EncodedSurrogate() {
    assertEquals(Reason.NOT_UTF8, reasonFor(withBytes("{\"t\":\"", new int[] {0xED, 0xA0, 0x80}, "\"}")));
  }

  @Test
  void notUtf8OutsideAString() {
    assertEquals(Reason.NOT_UTF8, reasonFor(withBytes("{\"t\":1}", new int[] {0x80}, "")));
  }

  @Test
  void notUtf8WhenTheRangeEndsInsideACharacter() throws Exception {
    // The array holds a whole "é" (C3 A9) but the range stops after its first byte.
    byte[] bytes = utf8("{\"t\":1}é");
    assertEquals(Reason.NOT_UTF8, refusedRange(bytes, 0, bytes.length - 1));
    assertEquals(new JsonObject().put("t", 1), DECODER.decode(bytes, 0, bytes.length - 2));
  }

  private static Reason refusedRange(byte[] b, int off, int len) {
    return assertThrows(JsonFrameException.class, () -> DECODER.decode(b, off, len)).reason();
  }

  @Test
  void notUtf8RatherThanNotJsonWhenBothAreWrong() {
    JsonFrameException e = refused(DECODER, withBytes("{\"t\":", new int[] {0xFF}, ""));
    assertEquals(Reason.NOT_UTF8, e.reason());
    assertEquals("not UTF-8", e.getMessage());
  }

  @Test
  void notJsonSyntaxError() {
    JsonFrameException e = refused(DECODER, utf8("{\"a\":}"));
    assertEquals(Reason.NOT_JSON, e.reason());
    assertTrue(e.getMessage().startsWith("not JSON: "), e.getMessage());
  }

  @Test
  void notJsonWhenEmptyOrBlank() {
    assertEquals(Reason.NOT_JSON, reasonFor(""));
    assertEquals(Reason.NOT_JSON, reasonFor(" \r\n\t"));
    assertEquals("not JSON: no value", refused(DECODER, new byte[0]).getMessage());
  }

  @Test
  void notJsonForExtensionsStrictJsonForbids() {
    assertEquals(Reason.NOT_JSON, reasonFor("{\"v\":NaN}"));
    assertEquals(Reason.NOT_JSON, reasonFor("{\"v\":-Infinity}"));
    assertEquals(Reason.NOT_JSON, reasonFor("{'v':1}"));
    assertEquals(Reason.NOT_JSON, reasonFor("{\"v\":1,}"));
    assertEquals(Reason.NOT_JSON, reasonFor("{\"v\":1} // note"));
    assertEquals(Reason.NOT_JSON, reasonFor("{\"v\":01}"));
  }

  @Test
  void nestingUpToOneThousandLevels() throws Exception {
    JsonFrameDecoder unlimited = new JsonFrameDecoder(Integer.MAX_VALUE);
    String deepest = "{\"v\":" + "[".repeat(999) + "]".repeat(999) + "}"; // the object plus 999 arrays
    assertEquals(1, unlimited.decode(Buffer.buffer(deepest)).size());
    byte[] tooDeep = utf8("{\"v\":" + "[".repeat(1000) + "]".repeat(1000) + "}");
    assertEquals(Reason.NOT_JSON, refused(unlimited, tooDeep).reason());
    assertEquals(Reason.NOT_JSON, refused(unlimited, utf8("{\"v\":" + "[".repeat(100_000))).reason()); // no stack overflow
  }

  @Test
  void notJsonRatherThanNotObjectForAnInvalidArray() {
    assertEquals(Reason.NOT_JSON, reasonFor("[1,"));
  }

  @Test
  void notAnObjectNamesTheValueType() {
    JsonFrameException e = refused(DECODER, utf8("[{\"a\":1}]"));
    assertEquals(Reason.NOT_OBJECT, e.reason());
    assertEquals("JSON value is not an object: array", e.getMessage());
    assertEquals("JSON value is not an object: string", refused(DECODER, utf8("\"x\"")).getMessage());
    assertEquals("JSON value is not an object: number", refused(DECODER, utf8(" -1.5e3 ")).getMessage());
    assertEquals("JSON value is not an object: boolean", refused(DECODER, utf8("false")).getMessage());
    assertEquals("JSON value is not an object: null", refused(DECODER, utf8("null")).getMessage());
  }
}
