package io.gamebus.codecs.faf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gamebus.codecs.faf.FafCodecException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineFramerTest {

  private static final String STREAM = "alpha\nbravo charlie\r\n\n  \r\n{\"command\":\"ping\"}\nx\n";
  private static final List<String> LINES = List.of("alpha", "bravo charlie", "", "  ", "{\"command\":\"ping\"}", "x");

  private final List<String> out = new ArrayList<>();

  private void feed(LineFramer framer, String s) throws FafCodecException {
    feed(framer, s.getBytes(StandardCharsets.UTF_8));
  }

  private void feed(LineFramer framer, byte[] bytes) throws FafCodecException {
    framer.feed(bytes, 0, bytes.length, (b, off, len) -> out.add(new String(b, off, len, StandardCharsets.UTF_8)));
  }

  @Test
  void severalLinesInOneBuffer() throws Exception {
    LineFramer framer = new LineFramer(100);
    feed(framer, STREAM);
    assertEquals(LINES, out);
    assertEquals(0, framer.pendingBytes());
  }

  @Test
  void splitAtEveryOffsetEmitsNothingEarlyAndLeavesNothing() throws Exception {
    for (int cut = 0; cut <= STREAM.length(); cut++) {
      out.clear();
      LineFramer framer = new LineFramer(100);
      feed(framer, STREAM.substring(0, cut));
      assertEquals(linesCompleteIn(STREAM.substring(0, cut)), out, "after first part, cut " + cut);
      feed(framer, STREAM.substring(cut));
      assertEquals(LINES, out, "cut " + cut);
      assertEquals(0, framer.pendingBytes(), "cut " + cut);
    }
  }

  @Test
  void splitAtEveryPairOfOffsets() throws Exception {
    for (int a = 0; a <= STREAM.length(); a++) {
      for (int b = a; b <= STREAM.length(); b++) {
        out.clear();
        LineFramer framer = new LineFramer(100);
        feed(framer, STREAM.substring(0, a));
        feed(framer, STREAM.substring(a, b));
        feed(framer, STREAM.substring(b));
        assertEquals(LINES, out, "cuts " + a + "," + b);
        assertEquals(0, framer.pendingBytes());
      }
    }
  }

  @Test
  void oneByteAtATime() throws Exception {
    LineFramer framer = new LineFramer(100);
    for (char c : STREAM.toCharArray()) {
      feed(framer, String.valueOf(c));
    }
    assertEquals(LINES, out);
  }

  @Test
  void randomLinesAndChunksMatchNaiveSplit() throws Exception {
    // Exercises the 8-byte newline search at every alignment.
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      StringBuilder stream = new StringBuilder();
      List<String> expected = new ArrayList<>();
      for (int i = random.nextInt(20); i > 0; i--) {
        String line = "y".repeat(1 + random.nextInt(40));
        expected.add(line);
        stream.append(line).append('\n');
      }
      out.clear();
      LineFramer framer = new LineFramer(100);
      byte[] bytes = stream.toString().getBytes(StandardCharsets.UTF_8);
      for (int pos = 0; pos < bytes.length; ) {
        int n = Math.min(bytes.length - pos, random.nextInt(30));
        feed(framer, Arrays.copyOfRange(bytes, pos, pos + n));
        pos += n;
      }
      assertEquals(expected, out, "round " + round);
      assertEquals(0, framer.pendingBytes());
    }
  }

  @Test
  void crlfLoosesItsCarriageReturn() throws Exception {
    feed(new LineFramer(100), "a\r\nb\r\r\n");
    assertEquals(List.of("a", "b\r"), out); // only one '\r' belongs to the line end
  }

  @Test
  void emptyAndBlankLinesAreHandedOutForTheDecoderToRefuse() throws Exception {
    feed(new LineFramer(100), "\n\r\n \t \r\n\n");
    assertEquals(List.of("", "", " \t ", ""), out);
  }

  @Test
  void lineExactlyAtLimitPasses() throws Exception {
    LineFramer framer = new LineFramer(8);
    feed(framer, "12345678\n");
    assertEquals(List.of("12345678"), out);
  }

  @Test
  void lineOneOverLimitFails() {
    FafCodecException e = assertThrows(FafCodecException.class, () -> feed(new LineFramer(8), "123456789\n"));
    assertEquals(Reason.LINE_TOO_LONG, e.reason());
    assertEquals("line exceeds 8 bytes", e.getMessage());
  }

  @Test
  void carriageReturnCountsTowardsLimit() {
    // Like asyncio's readline limit: everything before the '\n' counts.
    assertThrows(FafCodecException.class, () -> feed(new LineFramer(8), "12345678\r\n"));
  }

  @Test
  void lineOverLimitAcrossChunksFails() throws Exception {
    LineFramer framer = new LineFramer(8);
    feed(framer, "12345");
    FafCodecException e = assertThrows(FafCodecException.class, () -> feed(framer, "6789\n"));
    assertEquals(Reason.LINE_TOO_LONG, e.reason());
  }

  @Test
  void pendingExactlyAtLimitWaitsForNewline() throws Exception {
    LineFramer framer = new LineFramer(8);
    feed(framer, "1234");
    feed(framer, "5678");
    assertEquals(8, framer.pendingBytes());
    feed(framer, "\n");
    assertEquals(List.of("12345678"), out);
  }

  @Test
  void longPendingDataWithoutNewlineFails() throws Exception {
    LineFramer framer = new LineFramer(8);
    feed(framer, "12345");
    FafCodecException e = assertThrows(FafCodecException.class, () -> feed(framer, "6789"));
    assertEquals(Reason.LINE_TOO_LONG, e.reason());
    assertEquals(0, framer.pendingBytes());
  }

  @Test
  void linesBeforeTheLongOneAreDelivered() {
    LineFramer framer = new LineFramer(8);
    assertThrows(FafCodecException.class, () -> feed(framer, "ok\nalso ok\n0123456789"));
    assertEquals(List.of("ok", "also ok"), out);
  }

  @Test
  void failedFramerStaysFailed() {
    LineFramer framer = new LineFramer(4);
    FafCodecException first = assertThrows(FafCodecException.class, () -> feed(framer, "12345"));
    FafCodecException again = assertThrows(FafCodecException.class, () -> feed(framer, "\n"));
    assertSame(first, again);
    assertEquals(List.of(), out);
  }

  @Test
  void rejectsNonPositiveLimit() {
    assertThrows(IllegalArgumentException.class, () -> new LineFramer(0));
  }

  /** The lines a prefix of STREAM completes: every segment followed by a '\n', minus one '\r'. */
  private static List<String> linesCompleteIn(String prefix) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int newline; (newline = prefix.indexOf('\n', start)) >= 0; start = newline + 1) {
      String line = prefix.substring(start, newline);
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    return lines;
  }
}
