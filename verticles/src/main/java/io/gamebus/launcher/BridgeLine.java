package io.gamebus.launcher;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A command line's connection to a running node's browser bridge: the raw WebSocket under the
 * bridge path ({@code /eventbus/websocket}), one Vert.x bridge frame per text message, the frames
 * the official JavaScript client sends. It sends no {@code Origin} header, so the node's Origin
 * guard treats it as what it is: not a browser page. A token goes in the {@code token} query
 * parameter, as a page's would; a {@code ping} frame every {@value #PING_MS} ms keeps the socket
 * within the bridge's {@code pingTimeoutMs} (default 10 s).
 */
final class BridgeLine {

  static final String DEFAULT_URL = "http://127.0.0.1:8090/eventbus";
  static final long PING_MS = 4000;

  private final Vertx vertx;
  private final WebSocketClient client;
  private final WebSocket socket;
  private final long pingTimer;

  private BridgeLine(Vertx vertx, WebSocketClient client, WebSocket socket) {
    this.vertx = vertx;
    this.client = client;
    this.socket = socket;
    this.pingTimer = vertx.setPeriodic(PING_MS, t -> send(new JsonObject().put("type", "ping")));
  }

  /**
   * Connects to the bridge at {@code url} ({@code http://host:port/path}; {@code ws://} works too).
   *
   * @param frames    every frame the bridge writes; text that is not a JSON object is skipped
   * @param closed    the socket closed (by the node, or the network), with the reason when given
   */
  static Future<BridgeLine> connect(Vertx vertx, URI url, String token, Handler<JsonObject> frames,
                                    Handler<String> closed) {
    boolean tls = "https".equals(url.getScheme()) || "wss".equals(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/eventbus" : url.getRawPath();
    String uri = path.replaceAll("/+$", "") + "/websocket"
      + (token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(url.getHost()).setPort(port).setSsl(tls)
      .setURI(uri).setAllowOriginHeader(false);
    // Held by the line (and this method until then): Vert.x closes the sockets of a client that
    // was garbage-collected, which a short-lived command line would otherwise see mid-handshake.
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
      .setMaxMessageSize(64 << 20));
    return client.connect(options)
      .map(socket -> {
        socket.textMessageHandler(text -> {
          try {
            frames.handle(new JsonObject(text));
          } catch (DecodeException | ClassCastException e) {
            // A bridge writes JSON objects only; anything else is not ours to print.
          }
        });
        socket.exceptionHandler(e -> { /* the close handler reports the end */ });
        socket.closeHandler(v -> closed.handle(socket.closeReason() != null ? socket.closeReason()
          : "closed" + (socket.closeStatusCode() == null ? "" : " (" + socket.closeStatusCode() + ")")));
        return new BridgeLine(vertx, client, socket);
      });
  }

  void send(JsonObject frame) {
    socket.writeTextMessage(frame.encode());
  }

  Future<Void> close() {
    vertx.cancelTimer(pingTimer);
    return socket.close().eventually(client::close);
  }

  /** {@code http://host:port} of a bridge URL, where the node's HTTP routes are. */
  static String origin(URI url) {
    String scheme = "https".equals(url.getScheme()) || "wss".equals(url.getScheme()) ? "https" : "http";
    return scheme + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
  }
}
