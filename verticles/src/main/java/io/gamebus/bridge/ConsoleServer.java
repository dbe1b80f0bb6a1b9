package io.gamebus.bridge;

import io.gamebus.bus.Envelope;
import io.gamebus.config.BridgeConfig;
import io.gamebus.config.HttpConfig;
import io.gamebus.config.PermittedAddress;
import io.gamebus.endpoint.EndpointRegistry;
import io.gamebus.endpoint.WebGuard;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;

import java.util.List;

/**
 * The console page at {@code /}, the endpoint list at {@code /api/endpoints}, and the SockJS
 * event-bus bridge (with its raw WebSocket at {@code <path>/websocket}), permissions from the
 * configuration, deny by default, guarded by {@link OriginGuard}.
 */
public final class ConsoleServer extends VerticleBase {

  private final HttpConfig http;
  private final BridgeConfig bridge;
  private final EndpointRegistry registry;
  private HttpServer server;
  private OriginGuard guard;

  public ConsoleServer(HttpConfig http, BridgeConfig bridge, EndpointRegistry registry) {
    this.http = http;
    this.bridge = bridge;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    server = vertx.createHttpServer(new HttpServerOptions()
      .setMaxWebSocketFrameSize(bridge.maxFrameBytes()).setMaxWebSocketMessageSize(bridge.maxFrameBytes()));
    // A DNS-rebinding page reaches us under its own name: every route checks Host first.
    router.route().handler(WebGuard.hostCheck(() -> guard().rules()));
    router.get("/api/endpoints").handler(ctx -> registry.listAll()
      .onSuccess(list -> ctx.json(list))
      .onFailure(ctx::fail));
    // The guard needs the real port, which is only known after listen(0); it reads it lazily.
    router.route(bridge.path() + "/*").handler(ctx -> guard().handle(ctx));
    // SockJS's iframe page runs a CDN script on our origin and relays any parent page's
    // postMessage with our Origin, which would get round the guard: it is not served.
    router.getWithRegex(java.util.regex.Pattern.quote(bridge.path()) + "/iframe[^/]*\\.html")
      .handler(ctx -> ctx.response().setStatusCode(404).end());
    router.route(bridge.path() + "/*").subRouter(SockJSHandler.create(vertx, sockJsOptions())
      .bridge(bridgeOptions(), this::onBridgeEvent));
    router.route().handler(StaticHandler.create("webroot").setCachingEnabled(false));
    return server.requestHandler(router).listen(http.port(), http.host())
      .recover(e -> Future.failedFuture("console: cannot listen on " + http.host() + ":" + http.port()
        + ": " + e.getMessage()));
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

  /** WebSocket only: every current browser and the official client use it, and the polling
   * transports would widen what the origin guard has to reason about. */
  private SockJSHandlerOptions sockJsOptions() {
    SockJSHandlerOptions options = new SockJSHandlerOptions().setRegisterWriteHandler(false)
      .setMaxBytesStreaming(bridge.maxFrameBytes());
    for (Transport transport : new Transport[] {Transport.XHR, Transport.JSON_P, Transport.HTML_FILE, Transport.EVENT_SOURCE}) {
      options.addDisabledTransport(transport.name());
    }
    return options;
  }

  private SockJSBridgeOptions bridgeOptions() {
    SockJSBridgeOptions options = new SockJSBridgeOptions();
    options.setPingTimeout(bridge.pingTimeoutMs());
    options.setInboundPermitteds(permitted(bridge.inbound()));
    options.setOutboundPermitteds(permitted(bridge.outbound()));
    return options;
  }

  private static List<PermittedOptions> permitted(List<PermittedAddress> addresses) {
    return addresses.stream().map(a -> a.address() != null
      ? new PermittedOptions().setAddress(a.address())
      : new PermittedOptions().setAddressRegex(a.addressRegex())).toList();
  }

  /**
   * Browsers read JSON: an {@link Envelope} leaving through the bridge is replaced by its JSON
   * form, which the envelope builds once however many browsers receive it.
   */
  private void onBridgeEvent(BridgeEvent event) {
    if (event.type() == BridgeEventType.RECEIVE) {
      JsonObject raw = event.getRawMessage();
      if (raw != null && raw.getValue("body") instanceof Envelope envelope) {
        raw.put("body", envelope.toJson());
      }
    }
    event.complete(true);
  }
}
