package io.gamebus.codecs.faf;

import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * Reads a WebSocket connection. Frame payloads (text or binary) are appended and split on '\n'.
 * At the end of a frame, bytes left without a newline are taken as a message when they form one
 * complete JSON value: native-WS clients send one object per frame, with or without '\n', while
 * bridge-era clients may cut a message across frames. So incomplete JSON stays pending, complete
 * JSON is emitted and invalid JSON throws. The frame size limit is the transport's business;
 * {@code maxLineBytes} bounds one message as in {@link LineFramer}.
 */
public final class FafWebSocketReader implements FafReader {

  private final LineFramer framer;
  private final JsonShape shape = new JsonShape();

  /** @param maxLineBytes maximum bytes of one message; the native server allows 4 MiB per frame */
  public FafWebSocketReader(int maxLineBytes) {
    this.framer = new LineFramer(maxLineBytes);
  }

  /** Handles one frame's payload, handing out every message it completes, in order. */
  @Override
  public void read(Buffer payload, Consumer<FafMessage> sink) throws FafCodecException {
    byte[] bytes = payload.getBytes();
    int before = framer.pendingBytes();
    long newlines = framer.newlines();
    framer.feed(bytes, 0, bytes.length, (b, off, len) -> {
      // A message taken at the end of one frame may have its '\n' in the next: that leaves a
      // blank line, which is a frame boundary here, not garbage (unlike on TCP).
      if (!Bytes.isBlank(b, off, len)) {
        sink.accept(FafDecoder.decode(b, off, len));
      }
    });
    int pending = framer.pendingBytes();
    if (pending == 0) {
      shape.reset();
      return;
    }
    if (framer.newlines() != newlines) {
      shape.reset(); // the pending bytes restarted after the last newline of this frame
      before = 0;
    }
    shape.scan(framer.pendingArray(), before, pending - before);
    if (shape.decidable()) {
      FafMessage message = FafDecoder.decode(framer.pendingArray(), 0, pending);
      framer.clearPending();
      shape.reset();
      sink.accept(message);
    }
  }

  /** Bytes buffered waiting for a newline or the rest of a message (for the tests' framing checks). */
  int pendingBytes() {
    return framer.pendingBytes();
  }
}
