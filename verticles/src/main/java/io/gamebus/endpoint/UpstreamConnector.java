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

  /**
   * {@link #connect(Handler, Handler)}, telling {@code ignored} about input the connection drops
   * without decoding, so it is counted, not silent: binary frames of a text-only protocol (the
   * connection stays), and WebSocket frames or messages past the limits (the connection is closed
   * with 1009, or 1002 for a frame against the protocol).
   */
  default Future<Wire> connect(Handler<Buffer> input, Handler<Void> closed, Handler<String> ignored) {
    return connect(input, closed);
  }

  /** Releases the underlying clients. */
  Future<Void> close();

  /**
   * Sockets to {@code tcp://host:port}, {@code ws://…} or {@code wss://…}.
   *
   * @param limits frame and message size (WebSocket), pending write bytes (both transports)
   * @param readIdleSeconds a connection silent this long is closed (0 = never)
   */
  static UpstreamConnector of(Vertx vertx, String url, LimitsConfig limits, int readIdleSeconds) {
    return new SocketConnector(vertx, () -> url, () -> Future.succeededFuture(url), limits, readIdleSeconds, false);
  }

  /**
   * WebSocket connections whose input is whole text messages, one per call of {@code input} (a
   * message sent in several frames is joined first; binary messages are dropped and reported as
   * ignored), to a URL read again at each attempt, so a protocol can put what it must resume into
   * the query (RPFM's {@code ?session_id=}).
   */
  static UpstreamConnector messages(Vertx vertx, java.util.function.Supplier<String> url, LimitsConfig limits,
                                    int readIdleSeconds) {
    return new SocketConnector(vertx, url, () -> Future.succeededFuture(url.get()), limits, readIdleSeconds, true);
  }

  /**
   * WebSocket connections of whole text messages to a URL found anew before each attempt, e.g. by a REST
   * call that also hands out a token (Modrinth); a failure of {@code resolve} fails the attempt,
   * which the link retries with backoff.
   *
   * @param shown what status events and errors call the upstream
   */
  static UpstreamConnector resolving(Vertx vertx, java.util.function.Supplier<String> shown,
                                     java.util.function.Supplier<Future<String>> resolve, LimitsConfig limits,
                                     int readIdleSeconds) {
    return new SocketConnector(vertx, shown, resolve, limits, readIdleSeconds, true);
  }
}
