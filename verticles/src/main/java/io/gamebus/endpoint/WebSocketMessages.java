package io.gamebus.endpoint;

import io.gamebus.codecs.json.Utf8;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;


/**
 * Gathers a server WebSocket's data frames into whole messages, in place of Vert.x's own
 * aggregation, which decodes text leniently (invalid UTF-8 becomes U+FFFD, so a peer's broken
 * text passed for text) and, past its size limit, only reports the message and then delivers the
 * remaining fragments as a message of their own. Here a message past {@code maxMessageBytes}
 * closes with 1009 at the frame that crosses the limit, and a text message that is not strict UTF-8
 * (RFC 3629: no overlongs, no surrogates) closes with 1007, as RFC 6455 §8.1 asks; nothing of either
 * is delivered. Text is handed on as its bytes, never decoded here: the codecs read bytes, so a
 * String would only be encoded back. A protocol that answers bad UTF-8 itself (Red) asks for
 * text unchecked. Control frames are Vert.x's business and never reach this class's sinks. Used by
 * the protocols' listeners and by the browser bridge.
 */
public final class WebSocketMessages {

  /** RFC 6455 close statuses this class decides. */
  public static final int INVALID_DATA = 1007;
  public static final int MESSAGE_TOO_BIG = 1009;

  /** Where whole messages and refusals go. */
  public interface Sink {
    /** A whole text message's bytes: strict UTF-8 unless asked for unchecked text. */
    void text(Buffer message);

    void binary(Buffer message);

    /** The peer broke a rule: close with {@code status}; later frames are ignored. */
    void refuse(int status, String reason);
  }

  private final long maxMessageBytes;
  private final String limitName;
  private final boolean unchecked;
  private final Sink sink;
  /** The fragments of the message in progress (null between messages); its first frame's type. */
  private Buffer gathering;
  private boolean gatheringText;
  private boolean refused;

  /** @param unchecked hand text on without the UTF-8 check (the protocol answers bad UTF-8 itself) */
  public WebSocketMessages(long maxMessageBytes, boolean unchecked, Sink sink) {
    this(maxMessageBytes, "maxMessageBytes", unchecked, sink);
  }

  /** @param limitName the setting that gives the limit, named in the close reason (e.g. bridge.maxFrameBytes) */
  public WebSocketMessages(long maxMessageBytes, String limitName, boolean unchecked, Sink sink) {
    this.maxMessageBytes = maxMessageBytes;
    this.limitName = limitName;
    this.unchecked = unchecked;
    this.sink = sink;
  }

  public void frame(WebSocketFrame frame) {
    if (refused || !(frame.isText() || frame.isBinary() || frame.isContinuation())) {
      return;
    }
    Buffer data = frame.binaryData();
    if (!frame.isContinuation()) {
      // Netty refuses a new data frame inside a fragmented message (1002), so this one starts a message.
      gatheringText = frame.isText();
      if (frame.isFinal()) {
        if (tooLarge(data.length())) {
          return;
        }
        deliver(data);
        return;
      }
      gathering = Buffer.buffer();
    }
    if (gathering == null || tooLarge((long) gathering.length() + data.length())) {
      return; // a continuation with no start is refused by Netty first
    }
    gathering.appendBuffer(data);
    if (frame.isFinal()) {
      Buffer message = gathering;
      gathering = null;
      deliver(message);
    }
  }

  private boolean tooLarge(long length) {
    if (length <= maxMessageBytes) {
      return false;
    }
    refuse(MESSAGE_TOO_BIG, "message of more than " + maxMessageBytes + " bytes (" + limitName + ")");
    return true;
  }

  private void deliver(Buffer message) {
    if (!gatheringText) {
      sink.binary(message);
      return;
    }
    if (unchecked || isUtf8(message)) {
      sink.text(message);
    } else {
      refuse(INVALID_DATA, "text message is not UTF-8");
    }
  }

  private void refuse(int status, String reason) {
    refused = true;
    gathering = null;
    sink.refuse(status, reason);
  }

  /** Strict UTF-8 (the codecs' check, ASCII 8 bytes at a time). */
  static boolean isUtf8(Buffer message) {
    byte[] bytes = message.getBytes();
    return Utf8.isValid(bytes, 0, bytes.length);
  }
}
