package io.gamebus.endpoint;

import io.gamebus.config.LimitsConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

import java.net.URI;

/**
 * The real {@link UpstreamConnector}: a Vert.x TCP or WebSocket client, created on first use.
 * WebSocket output goes as text frames; inbound frames are handed on as a stream.
 */
final class SocketConnector implements UpstreamConnector {

  private static final int CONNECT_TIMEOUT_MS = 10_000;

  private final Vertx vertx;
  private final URI url;
  private final LimitsConfig limits;
  private final int readIdleSeconds;
  private WebSocketClient webSockets;
  private NetClient tcp;

  SocketConnector(Vertx vertx, String url, LimitsConfig limits, int readIdleSeconds) {
    this.vertx = vertx;
    this.url = URI.create(url);
    this.limits = limits;
    this.readIdleSeconds = readIdleSeconds;
  }

  @Override
  public String url() {
    return url.toString();
  }

  @Override
  public Future<Wire> connect(Handler<Buffer> input, Handler<Void> closed) {
    return "tcp".equals(url.getScheme()) ? connectTcp(input, closed) : connectWebSocket(input, closed);
  }

  private Future<Wire> connectTcp(Handler<Buffer> input, Handler<Void> closed) {
    if (tcp == null) {
      tcp = vertx.createNetClient(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS)
        .setReadIdleTimeout(readIdleSeconds));
    }
    return tcp.connect(url.getPort(), url.getHost()).map(socket -> {
      socket.handler(input);
      socket.closeHandler(closed);
      return Wire.tcp(socket, limits.maxPendingWriteBytes());
    });
  }

  private Future<Wire> connectWebSocket(Handler<Buffer> input, Handler<Void> closed) {
    if (webSockets == null) {
      // Vert.x's defaults (64 KiB frames, 256 KiB messages) are too small for FAF login lists.
      webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(limits.maxFrameBytes())
        .setMaxMessageSize(Math.max(limits.maxFrameBytes(), limits.maxMessageBytes()))
        .setConnectTimeout(CONNECT_TIMEOUT_MS).setReadIdleTimeout(readIdleSeconds));
    }
    return webSockets.connect(new WebSocketConnectOptions().setAbsoluteURI(url.toString())).map(socket -> {
      socket.handler(input);
      socket.closeHandler(closed);
      return Wire.webSocket(socket, limits.maxPendingWriteBytes(), false);
    });
  }

  @Override
  public Future<Void> close() {
    Future<Void> a = webSockets == null ? Future.succeededFuture() : webSockets.close();
    Future<Void> b = tcp == null ? Future.succeededFuture() : tcp.close();
    return Future.join(a, b).mapEmpty();
  }
}
