package io.gamebus.codecs.faf;

import static io.gamebus.codecs.faf.FafFixtures.buffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gamebus.codecs.faf.FafCodecException.Reason;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FafWebSocketReaderTest {

  private final List<FafMessage> out = new ArrayList<>();
  private final FafWebSocketReader reader = new FafWebSocketReader(10 * 1024 * 1024);

  private void frame(String payload) throws FafCodecException {
    reader.read(buffer(payload), out::add);
  }

  private List<String> types() {
    List<String> t = new ArrayList<>();
    out.forEach(m -> t.add(m.type()));
    return t;
  }

  @Test
  void oneMessagePerFrameWithNewline() throws Exception {
    frame("{\"command\":\"ping\"}\n");
    frame(FafFixtures.GAME_STATE + "\n");
    assertEquals(List.of("ping", "game.GameState"), types());
    assertEquals(0, reader.pendingBytes());
  }

  @Test
  void oneMessagePerFrameWithoutNewline() throws Exception {
    frame("{\"command\":\"ping\"}");
    assertEquals(List.of("ping"), types());
    frame(FafFixtures.WELCOME);
    assertEquals(List.of("ping", "welcome"), types());
    assertEquals(0, reader.pendingBytes());
  }

  @Test
  void twoMessagesInOneFrame() throws Exception {
    frame("{\"command\":\"ping\"}\n{\"command\":\"pong\"}\n");
    frame("{\"command\":\"a\"}\n{\"command\":\"b\"}");
    assertEquals(List.of("ping", "pong", "a", "b"), types());
  }

  @Test
  void oneMessageSplitAcrossThreeFrames() throws Exception {
    String m = FafFixtures.ICE_MSG;
    frame(m.substring(0, 10));
    frame(m.substring(10, 60));
    assertEquals(List.of(), out);
    assertEquals(60, reader.pendingBytes());
    frame(m.substring(60) + "\n");
    assertEquals(List.of("game.IceMsg"), types());
    assertEquals(0, reader.pendingBytes());
  }

  @Test
  void splitIntoTwoFramesAtEveryOffsetWithoutNewline() throws Exception {
    String m = FafFixtures.WELCOME;
    for (int cut = 1; cut < m.length(); cut++) {
      out.clear();
      FafWebSocketReader r = new FafWebSocketReader(1 << 20);
      r.read(buffer(m.substring(0, cut)), out::add);
      assertEquals(List.of(), out, "early at " + cut);
      r.read(buffer(m.substring(cut)), out::add);
      assertEquals(1, out.size(), "cut " + cut);
      assertEquals(0, r.pendingBytes());
    }
  }

  @Test
  void bridgeEraChunksCutAnywhere() throws Exception {
    // The bridge forwards a newline-delimited stream in arbitrary chunks.
    String stream = FafFixtures.GAME_STATE + "\n" + "{\"command\":\"notice\",\"style\":\"info\",\"text\":\"a}b\\\"{\"}\n"
        + FafFixtures.WELCOME + "\n";
    for (int a = 0; a <= stream.length(); a += 3) {
      for (int b = a; b <= stream.length(); b += 7) {
        out.clear();
        FafWebSocketReader r = new FafWebSocketReader(1 << 20);
        for (String part : new String[] {stream.substring(0, a), stream.substring(a, b), stream.substring(b)}) {
          r.read(buffer(part), out::add);
        }
        assertEquals(List.of("game.GameState", "notice", "welcome"), types(), "cuts " + a + "," + b);
        assertEquals(0, r.pendingBytes());
      }
    }
  }

  @Test
  void bracesAndEscapedQuotesInsideStringsDoNotEndTheMessage() throws Exception {
    frame("{\"command\":\"x\",\"t\":\"}");
    frame("\\\"}");
    assertEquals(List.of(), out);
    frame("\"}");
    assertEquals(List.of("x"), types());
    assertEquals("}\"}", out.get(0).getString("t"));
  }

  @Test
  void invalidJsonAtFrameEndThrows() {
    FafCodecException e = assertThrows(FafCodecException.class, () -> frame("{\"command\":}"));
    assertEquals(Reason.NOT_JSON, e.reason());
  }

  @Test
  void trailingDataAtFrameEndThrows() {
    assertEquals(Reason.NOT_JSON,
        assertThrows(FafCodecException.class, () -> frame("{\"command\":\"ping\"} {\"comm")).reason());
  }

  @Test
  void jsonArrayAtFrameEndIsNotAnObject() {
    assertEquals(Reason.NOT_OBJECT, assertThrows(FafCodecException.class, () -> frame("[1,2]")).reason());
  }

  @Test
  void scalarAtFrameEndIsRejectedAtOnce() {
    assertEquals(Reason.NOT_JSON, assertThrows(FafCodecException.class, () -> frame("PING")).reason());
    assertEquals(Reason.NOT_OBJECT, assertThrows(FafCodecException.class,
        () -> new FafWebSocketReader(100).read(buffer("42"), out::add)).reason());
  }

  @Test
  void blankFrameStaysHarmless() throws Exception {
    frame("  ");
    frame("\r\n");
    frame("{\"command\":\"ping\"}");
    assertEquals(List.of("ping"), types());
  }

  @Test
  void messageOverLimitAcrossFramesFails() throws Exception {
    FafWebSocketReader r = new FafWebSocketReader(16);
    r.read(buffer("{\"command\":"), out::add);
    assertEquals(Reason.LINE_TOO_LONG,
        assertThrows(FafCodecException.class, () -> r.read(buffer("\"pingpong\"}"), out::add)).reason());
  }

  @Test
  void messageExactlyAtLimitPasses() throws Exception {
    FafWebSocketReader r = new FafWebSocketReader(18);
    r.read(buffer("{\"command\":\"ping\"}"), out::add);
    assertEquals(List.of("ping"), types());
  }

  @Test
  void manyTinyFramesCostLinearTime() {
    // Each frame ends in '}' inside an open array: a re-parse per frame would be quadratic.
    int n = 200_000;
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      frame("{\"command\":\"x\",\"a\":[");
      for (int i = 0; i < n; i++) {
        frame("{}");
        frame(",");
      }
      frame("{}]}");
    });
    assertEquals(n + 1, out.get(0).json().getJsonArray("a").size());
  }

  @Test
  void binaryPayloadWithMultiByteCharacterCutInTwo() throws Exception {
    byte[] bytes = "{\"command\":\"x\",\"t\":\"€\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int cut = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).indexOf('€') + 1; // inside the 3 bytes
    reader.read(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, 0, cut)), out::add);
    reader.read(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, cut, bytes.length)), out::add);
    assertEquals("€", out.get(0).getString("t"));
  }
}
