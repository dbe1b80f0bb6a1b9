package io.gamebus.endpoint;

import io.gamebus.config.LimitsConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * Opens connections to one upstream URL. The socket implementation is {@link #of}; tests give the
 * link a fake one.
 */
public interface UpstreamConnector {

  /** The upstream's URL as configured, or as the next attempt will use it. */
  String url();

  /**
   * Opens one connection. Every inbound chunk (TCP bytes, or a WebSocket frame's data) goes to
   * {@code input}; the end of the connection, whoever ended it, to {@code closed}.
   */
  Future<Wire> connect(Handler<Buffer> input, Handler<Void> closed);

  /** Releases the underlying clients. */
  Future<Void> close();

  /**
   * Sockets to {@code tcp://host:port}, {@code ws://…} or {@code wss://…}.
   *
   * @param limits frame and message size (WebSocket), pending write bytes (both transports)
   * @param readIdleSeconds a connection silent this long is closed (0 = never)
   */
  static UpstreamConnector of(Vertx vertx, String url, LimitsConfig limits, int readIdleSeconds) {
    return new SocketConnector(vertx, () -> url, limits, readIdleSeconds, false);
  }

  /**
   * WebSocket connections whose input is whole messages, one per call of {@code input} (a message
   * sent in several frames is joined first), to a URL read again at each attempt, so a protocol can
   * put what it must resume into the query (RPFM's {@code ?session_id=}).
   */
  static UpstreamConnector messages(Vertx vertx, java.util.function.Supplier<String> url, LimitsConfig limits,
                                    int readIdleSeconds) {
    return new SocketConnector(vertx, url, limits, readIdleSeconds, true);
  }
}
