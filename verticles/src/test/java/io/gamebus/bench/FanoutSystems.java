package io.gamebus.bench;

import io.gamebus.bridge.ConsoleServer;
import io.gamebus.bus.Envelope;
import io.gamebus.config.BridgeConfig;
import io.gamebus.config.ConfigException;
import io.gamebus.config.HttpConfig;
import io.gamebus.endpoint.EndpointRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;

import java.util.LinkedHashSet;
import java.util.Set;

/** The three systems the fan-out benchmark compares, each one verticle on one event loop. */
final class FanoutSystems {

  private static final String OUTBOUND = "bench\\..+";

  private FanoutSystems() {
  }

  enum Kind {
    GAMEBUS("gamebus"), RELAY("raw relay"), STOCK("stock bridge");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** A deployed system: where subscribers connect, and how to take it down. */
  record Running(int port, String uri, Vertx vertx, String deployment) {
    Future<Void> stop() {
      return vertx.undeploy(deployment);
    }
  }

  /** gamebus's bridge as configured by default, with {@code bench.*} readable. */
  static BridgeConfig gamebusBridge() {
    return BridgeConfig.fromJson(benchBridge());
  }

  /**
   * gamebus's bridge with {@code bench.*} readable and every timeout that could close a quiet
   * socket raised to an hour, so that only the bridge's backlog policy can close a stalled one.
   */
  static BridgeConfig gamebusBridgeWithoutTimeouts() {
    JsonObject json = benchBridge().put("pingTimeoutMs", 3_600_000);
    try {
      return BridgeConfig.fromJson(json.copy().put("idleTimeoutSeconds", 3_600));
    } catch (ConfigException noIdleTimeout) {
      // The bridge before issue 10 has no connection idle timeout (and rejects unknown fields).
      return BridgeConfig.fromJson(json);
    }
  }

  private static JsonObject benchBridge() {
    return new JsonObject().put("outbound", new JsonArray().add(new JsonObject().put("addressRegex", OUTBOUND)));
  }

  static Future<Running> start(Vertx vertx, Kind kind, BridgeConfig bridge) {
    return switch (kind) {
      case GAMEBUS -> {
        ConsoleServer console = new ConsoleServer(HttpConfig.fromJson(new JsonObject().put("port", 0)), bridge,
          new EndpointRegistry(vertx, "gamebus", "bench"));
        yield vertx.deployVerticle(console)
          .map(id -> new Running(console.actualPort(), bridge.path() + "/websocket", vertx, id));
      }
      case RELAY -> {
        Relay relay = new Relay();
        yield vertx.deployVerticle(relay).map(id -> new Running(relay.server.actualPort(), Relay.PATH, vertx, id));
      }
      case STOCK -> {
        StockBridge stock = new StockBridge();
        yield vertx.deployVerticle(stock).map(id -> new Running(stock.server.actualPort(), "/eventbus/websocket", vertx, id));
      }
    };
  }

  /**
   * The reference: the idiomatic Vert.x relay. One bus consumer; each message becomes its text
   * once (the same {@code rec} frame the bridges send) and is written to every socket.
   */
  static final class Relay extends VerticleBase {

    static final String PATH = "/relay";
    private final Set<ServerWebSocket> sockets = new LinkedHashSet<>();
    HttpServer server;
    private MessageConsumer<Envelope> consumer;

    @Override
    public Future<?> start() {
      consumer = vertx.eventBus().consumer(FanoutPublisher.ADDRESS, message -> {
        String text = "{\"type\":\"rec\",\"address\":\"" + FanoutPublisher.ADDRESS + "\",\"body\":"
          + message.body().encoded() + "}";
        for (ServerWebSocket ws : sockets) {
          ws.writeTextMessage(text);
        }
      });
      server = vertx.createHttpServer().webSocketHandler(ws -> {
        if (!PATH.equals(ws.path())) {
          ws.close((short) 1008);
          return;
        }
        sockets.add(ws);
        ws.handler(frame -> { }); // register and ping frames: nothing to do
        ws.closeHandler(v -> sockets.remove(ws));
      });
      return consumer.completion().compose(v -> server.listen(0, "127.0.0.1"));
    }
  }

  /**
   * The stock vertx-web bridge alone, as gamebus's console used it before issue 10: an
   * {@link Envelope} body is replaced by its JSON form, then the bridge encodes the frame itself.
   */
  static final class StockBridge extends VerticleBase {

    HttpServer server;

    @Override
    public Future<?> start() {
      Router router = Router.router(vertx);
      SockJSBridgeOptions options = new SockJSBridgeOptions()
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(OUTBOUND));
      router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx, new SockJSHandlerOptions().setRegisterWriteHandler(false))
        .bridge(options, event -> {
          if (event.type() == BridgeEventType.RECEIVE) {
            JsonObject raw = event.getRawMessage();
            if (raw != null && raw.getValue("body") instanceof Envelope envelope) {
              raw.put("body", envelope.toJson());
            }
          }
          event.complete(true);
        }));
      server = vertx.createHttpServer().requestHandler(router);
      return server.listen(0, "127.0.0.1");
    }
  }
}
