package io.gamebus.endpoint;

import io.gamebus.config.LimitsConfig;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

import java.net.URI;

/**
 * The real {@link UpstreamConnector}: a Vert.x TCP or WebSocket client, created on first use.
 * WebSocket output goes as text frames; inbound frames are handed on as a stream, or as whole
 * messages.
 */
final class SocketConnector implements UpstreamConnector {

  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int MESSAGE_TOO_BIG = 1009;

  private final Vertx vertx;
  private final java.util.function.Supplier<String> url;
  private final java.util.function.Supplier<Future<String>> resolve;
  private final LimitsConfig limits;
  private final int readIdleSeconds;
  private final boolean wholeMessages;
  private WebSocketClient webSockets;
  private NetClient tcp;

  /**
   * @param url     the URL as shown (status, errors)
   * @param resolve the URL each attempt opens, possibly after an asynchronous step (a REST call)
   */
  SocketConnector(Vertx vertx, java.util.function.Supplier<String> url, java.util.function.Supplier<Future<String>> resolve,
                  LimitsConfig limits, int readIdleSeconds, boolean wholeMessages) {
    this.vertx = vertx;
    this.url = url;
    this.resolve = resolve;
    this.limits = limits;
    this.readIdleSeconds = readIdleSeconds;
    this.wholeMessages = wholeMessages;
  }

  @Override
  public String url() {
    return url.get();
  }

  @Override
  public Future<Wire> connect(Handler<Buffer> input, Handler<Void> closed) {
    return connect(input, closed, detail -> { });
  }

  @Override
  public Future<Wire> connect(Handler<Buffer> input, Handler<Void> closed, Handler<String> ignored) {
    return resolve.get().compose(target -> {
      URI uri = URI.create(target);
      return "tcp".equals(uri.getScheme()) ? connectTcp(uri, input, closed)
        : connectWebSocket(uri, input, closed, ignored);
    });
  }

  private Future<Wire> connectTcp(URI url, Handler<Buffer> input, Handler<Void> closed) {
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

  private Future<Wire> connectWebSocket(URI url, Handler<Buffer> input, Handler<Void> closed, Handler<String> ignored) {
    if (webSockets == null) {
      // Vert.x's defaults (64 KiB frames, 256 KiB messages) are too small for FAF login lists.
      webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(limits.maxFrameBytes())
        .setMaxMessageSize(Math.max(limits.maxFrameBytes(), limits.maxMessageBytes()))
        .setConnectTimeout(CONNECT_TIMEOUT_MS).setReadIdleTimeout(readIdleSeconds)
        // A server that never answers our close (a hung upstream) must not hold a stop for
        // Vert.x's default 10 s: the same bound as for the peers of our listeners.
        .setClosingTimeout(ServerListeners.CLOSING_TIMEOUT_SECONDS));
    }
    return webSockets.connect(new WebSocketConnectOptions().setAbsoluteURI(url.toString())).map(socket -> {
      if (wholeMessages) {
        socket.textMessageHandler(text -> input.handle(Buffer.buffer(text)));
        socket.binaryMessageHandler(data -> ignored.handle("binary frame of " + data.length()
          + " bytes ignored: the protocol sends text frames"));
      } else {
        socket.handler(input);
      }
      socket.closeHandler(closed);
      socket.exceptionHandler(e -> refused(socket, e, ignored));
      return Wire.webSocket(socket, limits.maxPendingWriteBytes(), false);
    });
  }

  /**
   * A frame, or a message of several frames, past the limits: Vert.x drops what it gathered and
   * reports it here, but would hand on the message's remaining fragments as if they were a message
   * of their own, so the stream cannot be trusted any more. It is counted and the link closed with
   * the status the RFC gives it (1009 message too big, 1002 protocol error); the link reconnects.
   */
  private static void refused(WebSocket socket, Throwable e, Handler<String> ignored) {
    if (e instanceof HttpClosedException) {
      return;
    }
    int status;
    if (e instanceof CorruptedWebSocketFrameException corrupted) {
      status = corrupted.closeStatus().code();
    } else if (e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("max message size")) {
      status = MESSAGE_TOO_BIG;
    } else {
      return; // a transport error: the close handler reports the end of the connection
    }
    ignored.handle("websocket: " + e.getMessage() + "; link closed with " + status);
    socket.close((short) status, "");
  }

  @Override
  public Future<Void> close() {
    Future<Void> a = webSockets == null ? Future.succeededFuture() : webSockets.close();
    Future<Void> b = tcp == null ? Future.succeededFuture() : tcp.close();
    return Future.join(a, b).mapEmpty();
  }
}
