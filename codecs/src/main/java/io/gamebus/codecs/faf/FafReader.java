package io.gamebus.codecs.faf;

import io.vertx.core.buffer.Buffer;

import java.util.function.Consumer;

/** Reads one transport's input into messages: {@link FafStreamReader} (TCP) or {@link FafWebSocketReader}. */
public interface FafReader {

  /** Hands every message the input completes to {@code sink}, in order; the first bad one throws. */
  void read(Buffer input, Consumer<FafMessage> sink) throws FafCodecException;
}
