package io.gamebus.bridge;

import io.gamebus.config.BridgeConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;

import java.util.regex.Pattern;

/**
 * Mounts the bridge's transports under {@code bridge.path}. Both WebSockets (raw, and SockJS's own)
 * are served here, written to directly ({@link WebSocketBridgeSocket}); SockJS's {@code /info} and
 * its fallbacks ({@code xhr-streaming}, {@code xhr-polling}, {@code eventsource}) are vertx-web's,
 * each browser session handed to the bridge as a {@link SockJsSessionSocket}. {@code jsonp},
 * {@code htmlfile} and the iframe page are never served: they run our answer as a script in the
 * asking page, where an Origin check cannot reach. Callers put the Origin guard in front.
 */
final class BridgeTransports {

  private static final String SESSION = "/[^/.]+/[^/.]+/";

  private final Vertx vertx;
  private final BridgeConfig config;
  private final BusBridge bridge;
  private final FlushBatch flushes;
  private final String rawPath;
  private final Pattern sockJsPath;

  BridgeTransports(Vertx vertx, BridgeConfig config, BusBridge bridge, FlushBatch flushes) {
    this.rawPath = config.path() + "/websocket";
    this.sockJsPath = Pattern.compile(Pattern.quote(config.path()) + SESSION + "websocket");
    this.vertx = vertx;
    this.config = config;
    this.bridge = bridge;
    this.flushes = flushes;
  }

  void mount(Router router) {
    String base = Pattern.quote(config.path());
    router.getWithRegex(base + "/iframe[^/]*\\.html").handler(this::notServed);
    router.routeWithRegex(base + SESSION + "(jsonp|jsonp_send|htmlfile)").handler(this::notServed);
    if (!config.transports().contains("xhr-streaming")) {
      router.routeWithRegex(base + SESSION + "xhr_streaming").handler(this::notServed);
    }
    if (!config.transports().contains("xhr-polling")) {
      router.routeWithRegex(base + SESSION + "xhr").handler(this::notServed);
    }
    // vertx-web answers eventsource without CORS headers, so a page of an allowed origin other than
    // the console's could not read it; the guard in front has already admitted this Origin.
    router.getWithRegex(base + SESSION + "eventsource").handler(this::allowOrigin);
    // vertx-web reads a posted frame whole: bound it as the WebSockets are (past the limit: 413).
    router.postWithRegex(base + SESSION + "xhr_send")
      .handler(BodyHandler.create(false).setBodyLimit(config.maxFrameBytes()));
    router.route(config.path() + "/*").subRouter(SockJSHandler.create(vertx, sockJsOptions()).socketHandler(sock -> {
      SockJsSessionSocket socket = new SockJsSessionSocket(bridge.nextSocketId(), sock, config.maxPendingBytes(),
        bridge.defaultPermissions());
      bridge.opened(socket);
      socket.start(frame -> bridge.onFrame(socket, frame), () -> bridge.closed(socket));
      // sockjs-client keeps the bridge URL's query on every request of the session: ?token= is here.
      bridge.connectedWith(socket, sock.uri());
    }));
  }

  /**
   * Every WebSocket upgrade on the console's port comes here, not through the router (vertx-web
   * wraps the socket it upgrades, which hides the channel the bridge writes to): the same Host and
   * Origin rules as the routes, then the two bridge paths; anything else is 404.
   */
  void handshake(ServerWebSocketHandshake handshake, OriginGuard guard) {
    if (!guard.rules().allowsHost(handshake.headers().get("Host"))) {
      handshake.reject(403);
      return;
    }
    if (!guard.admits(handshake.headers().get("Origin"), handshake.remoteAddress())) {
      handshake.reject(403);
      return;
    }
    String path = handshake.path();
    if (rawPath.equals(path) || sockJsPath.matcher(path).matches()) {
      handshake.accept();
    } else {
      handshake.reject(404);
    }
  }

  /**
   * An accepted WebSocket: raw at {@code <path>/websocket}, SockJS-framed under a session path;
   * {@code ended} runs once when its connection has closed.
   */
  void webSocket(ServerWebSocket ws, Runnable ended) {
    accept(ws, !rawPath.equals(ws.path()), ended);
  }

  private void accept(ServerWebSocket ws, boolean sockJs, Runnable ended) {
    WebSocketBridgeSocket socket = new WebSocketBridgeSocket(vertx, bridge.nextSocketId(), ws, sockJs,
      config.maxPendingBytes(), flushes, bridge.defaultPermissions());
    bridge.opened(socket);
    socket.start(frame -> bridge.onFrame(socket, frame), () -> {
      ended.run();
      bridge.closed(socket);
    }, config.maxFrameBytes(),
      why -> bridge.badInput(socket, why));
    // After start: a refused token's err must follow SockJS's open frame.
    bridge.connectedWith(socket, ws.uri());
  }

  private void allowOrigin(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin != null) {
      ctx.response().putHeader("Access-Control-Allow-Origin", origin).putHeader("Access-Control-Allow-Credentials", "true");
    }
    ctx.next();
  }

  private void notServed(RoutingContext ctx) {
    ctx.response().setStatusCode(404).end();
  }

  /** The fallbacks: vertx-web's sessions, within the same byte limit as the WebSockets. */
  private SockJSHandlerOptions sockJsOptions() {
    SockJSHandlerOptions options = new SockJSHandlerOptions().setRegisterWriteHandler(false);
    options.addDisabledTransport(Transport.JSON_P.name()).addDisabledTransport(Transport.HTML_FILE.name());
    if (!config.transports().contains("eventsource")) {
      options.addDisabledTransport(Transport.EVENT_SOURCE.name());
    }
    if (!config.transports().contains("xhr-streaming") && !config.transports().contains("xhr-polling")) {
      options.addDisabledTransport(Transport.XHR.name());
    }
    return options;
  }
}
