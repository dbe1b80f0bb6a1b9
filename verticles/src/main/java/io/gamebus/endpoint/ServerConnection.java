package io.gamebus.endpoint;

import io.vertx.core.buffer.Buffer;

/** What a protocol's per-connection class gives the layer. */
public interface ServerConnection {

  /** The layer's side of this connection: id, writes, limits. */
  ServerLink link();

  /** Bytes from the socket: a chunk of the stream on TCP, one whole message on WebSocket. */
  void input(Buffer data);

  /** One whole WebSocket text message; by default its UTF-8 bytes go to {@link #input}. */
  default void textInput(String text) {
    input(Buffer.buffer(text));
  }

  /** One whole WebSocket binary message; by default it goes to {@link #input}. */
  default void binaryInput(Buffer data) {
    input(data);
  }

  /** The connection left the table (closed by us or by the peer); called once. */
  void closed();

  default String id() {
    return link().id();
  }
}
