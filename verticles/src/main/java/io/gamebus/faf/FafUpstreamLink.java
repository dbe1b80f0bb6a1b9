package io.gamebus.faf;

import io.gamebus.config.EndpointConfig;
import io.gamebus.endpoint.Wire;
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
 * Opens the byte stream to a FAF lobby: {@code ws://}/{@code wss://} (WebSocket, each message its
 * own text frame, inbound frames concatenated as one stream) or {@code tcp://} (JSON lines).
 * Inbound frames may split or coalesce messages (bridge-era servers), so the caller reads
 * everything as one stream.
 */
final class FafUpstreamLink {

  private final Vertx vertx;
  private final URI url;
  private final int maxFrameBytes;
  private final int maxMessageBytes;
  private final int maxPendingBytes;
  private final int readIdleSeconds;
  private WebSocketClient webSockets;
  private NetClient tcp;

  /** @param readIdleSeconds a link silent this long is taken as dead (0 = never) */
  FafUpstreamLink(Vertx vertx, EndpointConfig config, int readIdleSeconds) {
    this.vertx = vertx;
    this.url = URI.create(config.url());
    this.maxFrameBytes = config.limits().maxFrameBytes();
    this.maxMessageBytes = config.limits().maxMessageBytes();
    this.maxPendingBytes = config.limits().maxPendingWriteBytes();
    this.readIdleSeconds = readIdleSeconds;
  }

  String url() {
    return url.toString();
  }

  /** Connects; bytes go to {@code data}, the end of the link to {@code closed}. */
  Future<Wire> connect(Handler<Buffer> data, Handler<Void> closed) {
    return "tcp".equals(url.getScheme()) ? connectTcp(data, closed) : connectWebSocket(data, closed);
  }

  private Future<Wire> connectTcp(Handler<Buffer> data, Handler<Void> closed) {
    if (tcp == null) {
      tcp = vertx.createNetClient(new NetClientOptions().setConnectTimeout(10_000).setReadIdleTimeout(readIdleSeconds));
    }
    return tcp.connect(url.getPort(), url.getHost()).map(socket -> {
      socket.handler(data);
      socket.closeHandler(closed);
      return Wire.tcp(socket, maxPendingBytes);
    });
  }

  private Future<Wire> connectWebSocket(Handler<Buffer> data, Handler<Void> closed) {
    if (webSockets == null) {
      // Vert.x's defaults (64 KiB frames, 256 KiB messages) are too small for login lists.
      webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(maxFrameBytes).setMaxMessageSize(Math.max(maxFrameBytes, maxMessageBytes))
        .setConnectTimeout(10_000).setReadIdleTimeout(readIdleSeconds));
    }
    return webSockets.connect(new WebSocketConnectOptions().setAbsoluteURI(url.toString())).map(socket -> {
      socket.handler(data);
      socket.closeHandler(closed);
      return Wire.webSocket(socket, maxPendingBytes, false);
    });
  }

  Future<Void> close() {
    Future<Void> a = webSockets == null ? Future.succeededFuture() : webSockets.close();
    Future<Void> b = tcp == null ? Future.succeededFuture() : tcp.close();
    return Future.join(a, b).mapEmpty();
  }
}
