package io.gamebus.endpoint;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

/**
 * Gathers a WebSocket's data frames into whole messages, keeping text messages as their raw bytes:
 * Vert.x's own text handler decodes leniently (invalid UTF-8 becomes U+FFFD), so a protocol that
 * must close with 1007 on bytes that are not UTF-8 (Red, as aiohttp does) needs them undecoded.
 * Binary messages are gathered the same way. A message growing past {@code maxMessageBytes} is
 * dropped as it grows (never held whole) and reported once. A message is handed on synchronously;
 * its buffer must not be kept after the handler returns.
 */
final class RawMessages implements Handler<WebSocketFrame> {

  private final int maxMessageBytes;
  private final Handler<Buffer> text;
  private final Handler<Buffer> binary;
  private final Handler<Integer> tooLarge;
  private Buffer gathering;
  private boolean gatheringText;
  private boolean dropping;

  /** @param tooLarge gets the size seen so far of a message past the limit, once per message */
  RawMessages(int maxMessageBytes, Handler<Buffer> text, Handler<Buffer> binary, Handler<Integer> tooLarge) {
    this.maxMessageBytes = maxMessageBytes;
    this.text = text;
    this.binary = binary;
    this.tooLarge = tooLarge;
  }

  @Override
  public void handle(WebSocketFrame frame) {
    if ((frame.isText() || frame.isBinary()) && frame.isFinal()) {
      // The usual case, one frame per message: handed on as it is, without a copy.
      gathering = null;
      Buffer data = frame.binaryData();
      if (data.length() > maxMessageBytes) {
        tooLarge.handle(data.length());
      } else {
        (frame.isText() ? text : binary).handle(data);
      }
      return;
    }
    if (frame.isText() || frame.isBinary()) {
      gathering = Buffer.buffer();
      gatheringText = frame.isText();
      dropping = false;
    } else if (!frame.isContinuation() || gathering == null) {
      return; // control frames are the WebSocket layer's; a stray continuation has no message
    }
    if (!dropping) {
      Buffer data = frame.binaryData();
      if (gathering.length() + data.length() > maxMessageBytes) {
        dropping = true;
        int seen = gathering.length() + data.length();
        gathering = Buffer.buffer();
        tooLarge.handle(seen);
      } else {
        gathering.appendBuffer(data);
      }
    }
    if (frame.isFinal()) {
      Buffer message = gathering;
      boolean wasText = gatheringText;
      boolean dropped = dropping;
      gathering = null;
      dropping = false;
      if (!dropped) {
        (wasText ? text : binary).handle(message);
      }
    }
  }
}
