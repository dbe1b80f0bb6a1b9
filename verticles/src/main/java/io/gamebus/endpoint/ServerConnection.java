package io.gamebus.endpoint;

import io.vertx.core.buffer.Buffer;

/** What a protocol's per-connection class gives the layer. */
public interface ServerConnection {

  /** The layer's side of this connection: id, writes, limits. */
  ServerLink link();

  /**
   * Bytes from the socket: a chunk of the stream on TCP; on WebSocket one whole text message,
   * already checked to be strict UTF-8 (unless the listener asked for unchecked text).
   */
  void input(Buffer data);

  /** One whole WebSocket binary message; by default it goes to {@link #input}. */
  default void binaryInput(Buffer data) {
    input(data);
  }

  /** The connection left the table (closed by us or by the peer); called once. */
  void closed();

  /**
   * What the connections listing shows about the peer beyond its address, where the protocol
   * knows it (e.g. {@code player}, {@code session}); null or empty when nothing is known.
   */
  default io.vertx.core.json.JsonObject about() {
    return null;
  }

  default String id() {
    return link().id();
  }
}
