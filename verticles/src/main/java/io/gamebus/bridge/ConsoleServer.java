package io.gamebus.bridge;

import io.gamebus.config.BridgeConfig;
import io.gamebus.config.HttpConfig;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.EndpointRegistry;
import io.gamebus.endpoint.ServerListeners;
import io.gamebus.endpoint.WebGuard;
import io.gamebus.metrics.HealthRoute;
import io.gamebus.metrics.MetricsRoute;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.HashSet;
import java.util.Set;


/**
 * The console page at {@code /}, the endpoint list at {@code /api/endpoints}, {@link HealthRoute
 * /health} and {@link MetricsRoute /metrics} (behind the same Host check), and gamebus's own
 * event-bus bridge for browsers ({@link BusBridge}) on SockJS's transports and a raw WebSocket
 * at {@code <path>/websocket}: permissions from the configuration, deny by default, guarded by
 * {@link OriginGuard}. The bridge announces its sockets on {@code <prefix>.bridge.console.status}.
 */
public final class ConsoleServer extends VerticleBase {

  private final HttpConfig http;
  private final BridgeConfig bridge;
  private final EndpointRegistry registry;
  private HttpServer server;
  private OriginGuard guard;
  private EndpointBus status;
  private BusBridge busBridge;
  private MetricsRoute metrics;
  /** The port's open TCP connections, by peer address (one per connection, as in PendingUpgrades). */
  private final Set<String> openConnections = new HashSet<>();
  private long refusedConnections;

  public ConsoleServer(HttpConfig http, BridgeConfig bridge, EndpointRegistry registry) {
    this.http = http;
    this.bridge = bridge;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    status = new EndpointBus(vertx, registry.prefix(), "bridge", "console", registry.nodeId());
    server = vertx.createHttpServer(new HttpServerOptions()
      .setMaxWebSocketFrameSize(bridge.maxFrameBytes()).setMaxWebSocketMessageSize(bridge.maxFrameBytes())
      // Compression would deflate each message once per browser: the bridge writes the same bytes to all.
      .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
      .setWebSocketClosingTimeout(ServerListeners.CLOSING_TIMEOUT_SECONDS)
      // A connection that never sends a request (or falls silent) is closed; see BridgeConfig.
      .setIdleTimeout(bridge.idleTimeoutSeconds())
      .setHttp2ClearTextEnabled(false));
    server.connectionHandler(this::countConnection);
    busBridge = new BusBridge(vertx, bridge, status);
    // A DNS-rebinding page reaches us under its own name: every route checks Host first.
    router.route().handler(WebGuard.hostCheck(() -> guard().rules()));
    router.get("/api/endpoints").handler(ctx -> registry.listAll()
      .onSuccess(list -> ctx.json(list))
      .onFailure(ctx::fail));
    HealthRoute health = new HealthRoute(vertx, registry);
    router.get("/health/live").handler(health::live);
    router.get("/health/ready").handler(health::ready);
    router.get("/health").handler(health::ready);
    if (http.metrics()) {
      metrics = new MetricsRoute(vertx, registry, status, busBridge.counts());
      router.get("/metrics").handler(metrics::handle);
    }
    // The guard needs the real port, which is only known after listen(0); it reads it lazily.
    router.route(bridge.path() + "/*").handler(ctx -> guard().handle(ctx));
    BridgeTransports transports = new BridgeTransports(vertx, bridge, busBridge, new FlushBatch(context));
    transports.mount(router);
    server.webSocketHandshakeHandler(handshake -> transports.handshake(handshake, guard()));
    // Vert.x replaces an upgraded connection's handler, so that connection's close handler never
    // runs: the WebSocket's end releases its place instead.
    server.webSocketHandler(ws -> transports.webSocket(ws, () -> openConnections.remove(String.valueOf(ws.remoteAddress()))));
    router.route().handler(StaticHandler.create("webroot").setCachingEnabled(false));
    return server.requestHandler(router).listen(http.port(), http.host())
      .recover(e -> Future.failedFuture("console: cannot listen on " + http.host() + ":" + http.port()
        + ": " + e.getMessage()));
  }

  @Override
  public Future<?> stop() {
    if (busBridge != null) {
      busBridge.stop();
    }
    if (metrics != null) {
      metrics.close();
    }
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** Holds the port to {@code bridge.maxConnections} open TCP connections: the next is closed at accept. */
  private void countConnection(HttpConnection connection) {
    if (openConnections.size() >= bridge.maxConnections()) {
      refusedConnections++;
      status.metrics().refused();
      if (refusedConnections == 1 || refusedConnections % 1000 == 0) {
        System.getLogger(ConsoleServer.class.getName()).log(System.Logger.Level.WARNING,
          "console: {0} connection(s) refused so far: {1} are open (bridge.maxConnections)", refusedConnections, openConnections.size());
      }
      status.status(null, io.gamebus.bus.StatusEvent.CONNECTION_REFUSED, "bridge.maxConnections (" + bridge.maxConnections()
        + ") reached; " + connection.remoteAddress() + " closed");
      connection.close();
      return;
    }
    String peer = String.valueOf(connection.remoteAddress());
    openConnections.add(peer);
    connection.closeHandler(v -> openConnections.remove(peer));
  }

  private OriginGuard guard() {
    if (guard == null) {
      guard = new OriginGuard(http.host(), server.actualPort(), bridge.allowedOrigins());
    }
    return guard;
  }

  /** The port actually bound (useful with port 0). */
  public int actualPort() {
    return server.actualPort();
  }

  public String url() {
    String host = http.host().contains(":") ? "[" + http.host() + "]" : http.host();
    return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + actualPort() + "/";
  }

}
