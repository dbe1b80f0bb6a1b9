package io.gamebus.endpoint;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebSocketMessagesTest {

  final List<String> got = new ArrayList<>();
  final WebSocketMessages messages = new WebSocketMessages(10, false, new WebSocketMessages.Sink() {
    @Override public void text(Buffer message) { got.add("text " + message.toString(StandardCharsets.UTF_8)); }
    @Override public void binary(Buffer message) { got.add("binary " + message.length()); }
    @Override public void refuse(int status, String reason) { got.add("refuse " + status); }
  });

  static WebSocketFrame cont(String s, boolean fin) {
    return WebSocketFrame.continuationFrame(Buffer.buffer(s), fin);
  }

  @Test
  void wholeAndFragmentedMessagesOfBothKindsAreDelivered() {
    messages.frame(WebSocketFrame.textFrame("héllo", true));
    messages.frame(WebSocketFrame.textFrame("ab", false));
    messages.frame(cont("cd", false));
    messages.frame(cont("ef", true));
    messages.frame(WebSocketFrame.binaryFrame(Buffer.buffer(new byte[] {1, 2, 3}), false));
    messages.frame(WebSocketFrame.continuationFrame(Buffer.buffer(new byte[] {(byte) 0xFF}), true));
    messages.frame(WebSocketFrame.pingFrame(Buffer.buffer("p")));
    assertEquals(List.of("text héllo", "text abcdef", "binary 4"), got);
  }

  @Test
  void aMessageOfExactlyTheLimitPassesAndOneByteMoreIsRefusedAtTheFrameThatCrossesIt() {
    messages.frame(WebSocketFrame.textFrame("0123456789", true));
    messages.frame(WebSocketFrame.textFrame("01234", false));
    messages.frame(cont("56789", false));
    messages.frame(cont("X", false));
    messages.frame(cont("tail", true));
    messages.frame(WebSocketFrame.textFrame("later", true));
    assertEquals(List.of("text 0123456789", "refuse 1009"), got, "nothing after a refusal, the tail least of all");
  }

  @Test
  void textThatIsNotStrictUtf8IsRefusedWith1007() {
    byte[] overlong = {(byte) 0xC0, (byte) 0xAF};           // '/' as an overlong
    byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80}; // U+D800
    for (byte[] bad : List.of(overlong, surrogate, new byte[] {(byte) 0xC3})) {
      got.clear();
      WebSocketMessages fresh = new WebSocketMessages(100, false, new WebSocketMessages.Sink() {
        @Override public void text(Buffer message) { got.add("text"); }
        @Override public void binary(Buffer message) { got.add("binary"); }
        @Override public void refuse(int status, String reason) { got.add("refuse " + status); }
      });
      fresh.frame(WebSocketFrame.textFrame("ok", false));
      fresh.frame(WebSocketFrame.continuationFrame(Buffer.buffer(bad), true));
      assertEquals(List.of("refuse 1007"), got);
    }
    // A character split across two fragments is fine: only the whole message is checked.
    byte[] e = "é".getBytes(StandardCharsets.UTF_8);
    messages.frame(WebSocketFrame.continuationFrame(Buffer.buffer(), true)); // a stray continuation: ignored
    got.clear();
    messages.frame(WebSocketFrame.textFrame("", false));
    messages.frame(WebSocketFrame.continuationFrame(Buffer.buffer(new byte[] {e[0]}), false));
    messages.frame(WebSocketFrame.continuationFrame(Buffer.buffer(new byte[] {e[1]}), true));
    assertEquals(List.of("text é"), got);
  }

  @Test
  void uncheckedTextIsHandedOnAsItCame() {
    List<String> raw = new ArrayList<>();
    WebSocketMessages bytes = new WebSocketMessages(10, true, new WebSocketMessages.Sink() {
      @Override public void text(Buffer message) { raw.add("raw " + message.length()); }
      @Override public void binary(Buffer message) { raw.add("binary"); }
      @Override public void refuse(int status, String reason) { raw.add("refuse " + status); }
    });
    bytes.frame(WebSocketFrame.textFrame("a", false));
    bytes.frame(WebSocketFrame.continuationFrame(Buffer.buffer(new byte[] {(byte) 0xC3}), true));
    bytes.frame(WebSocketFrame.textFrame("0123456789X", true));
    assertEquals(List.of("raw 2", "refuse 1009"), raw, "the protocol judges the UTF-8; the size is still the layer's");
  }
}
