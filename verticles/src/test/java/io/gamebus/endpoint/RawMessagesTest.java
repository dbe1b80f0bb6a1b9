package io.gamebus.endpoint;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whole messages from WebSocket frames, text kept as raw bytes, bounded while they grow. */
class RawMessagesTest {

  private final List<String> seen = new ArrayList<>();
  private final RawMessages messages = new RawMessages(10,
    text -> seen.add("text " + hex(text)), binary -> seen.add("binary " + hex(binary)), size -> seen.add("too large " + size));

  private static String hex(Buffer data) {
    StringBuilder s = new StringBuilder();
    for (byte b : data.getBytes()) {
      s.append(String.format("%02x", b));
    }
    return s.toString();
  }

  @Test
  void aSingleFrameIsOneMessageAndTextKeepsBytesThatAreNotUtf8() {
    messages.handle(WebSocketFrame.binaryFrame(Buffer.buffer(new byte[] {(byte) 0xC3, 0x28}), true));
    messages.handle(WebSocketFrame.textFrame("ok", true));
    assertEquals(List.of("binary c328", "text 6f6b"), seen);
  }

  @Test
  void fragmentsAreGatheredAndControlFramesIgnored() {
    messages.handle(WebSocketFrame.textFrame("ab", false));
    messages.handle(WebSocketFrame.pingFrame(Buffer.buffer("p")));
    messages.handle(WebSocketFrame.continuationFrame(Buffer.buffer("cd"), false));
    assertEquals(List.of(), seen, "nothing before the final fragment");
    messages.handle(WebSocketFrame.continuationFrame(Buffer.buffer("ef"), true));
    assertEquals(List.of("text 616263646566"), seen);
  }

  @Test
  void aMessageGrowingPastTheLimitIsDroppedAndReportedOnceThenTheNextOneCounts() {
    messages.handle(WebSocketFrame.textFrame("123456", false));
    messages.handle(WebSocketFrame.continuationFrame(Buffer.buffer("789012"), false));
    messages.handle(WebSocketFrame.continuationFrame(Buffer.buffer("345"), true));
    messages.handle(WebSocketFrame.textFrame("12345678901", true));
    messages.handle(WebSocketFrame.textFrame("1234567890", true));
    assertEquals(List.of("too large 12", "too large 11", "text 31323334353637383930"), seen);
  }

  @Test
  void aStrayContinuationIsNoMessage() {
    messages.handle(WebSocketFrame.continuationFrame(Buffer.buffer("x"), true));
    assertEquals(List.of(), seen);
  }
}
