package io.gamebus.codecs.faf;

import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * Reads a TCP byte stream (port 8002 style): newline framing, then one message per line. Each
 * chunk is copied out of its buffer once; lines are decoded in place.
 */
public final class FafStreamReader implements FafReader {

  private final LineFramer framer;

  /** @param maxLineBytes maximum bytes per line, excluding the '\n'; the real server uses 10 MiB */
  public FafStreamReader(int maxLineBytes) {
    this.framer = new LineFramer(maxLineBytes);
  }

  /** Decodes every complete line in order; the first bad line throws and ends the stream. */
  public void feed(Buffer chunk, Consumer<FafMessage> sink) throws FafCodecException {
    byte[] bytes = chunk.getBytes();
    framer.feed(bytes, 0, bytes.length, (b, off, len) -> sink.accept(FafDecoder.decode(b, off, len)));
  }

  @Override
  public void read(Buffer chunk, Consumer<FafMessage> sink) throws FafCodecException {
    feed(chunk, sink);
  }

  /** Bytes buffered waiting for a newline or the rest of a message (for the tests' framing checks). */
  int pendingBytes() {
    return framer.pendingBytes();
  }
}
