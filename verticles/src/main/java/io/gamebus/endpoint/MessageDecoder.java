package io.gamebus.endpoint;

import io.vertx.core.buffer.Buffer;

import java.util.function.Consumer;

/**
 * A protocol's hook that turns the bytes of one upstream connection into messages. One instance
 * per connection (decoders keep partial frames). A {@link BadInput} means the stream cannot be
 * read any further: the link counts it, closes the connection and reconnects.
 */
@FunctionalInterface
public interface MessageDecoder<M> {

  /** Hands every message {@code bytes} completes to {@code sink}, in order. */
  void decode(Buffer bytes, Consumer<M> sink) throws BadInput;

  /** Input the protocol cannot read; the message is the detail published with {@code bad-input}. */
  final class BadInput extends Exception {
    public BadInput(String detail, Throwable cause) {
      super(detail, cause);
    }
  }
}
