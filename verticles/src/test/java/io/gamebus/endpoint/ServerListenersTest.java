package io.gamebus.endpoint;

import io.gamebus.bus.NodeIdentity;
import io.gamebus.config.EndpointConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ServerListeners} with an echo protocol: routes, Host and Origin checks, admission. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ServerListenersTest {

  /** Kept in a field: Vert.x closes the sockets of a client that was garbage-collected. */
  private io.vertx.core.http.WebSocketClient webSockets;

  /** Writes back whatever it receives. */
  record Echo(ServerLink link) implements ServerConnection {
    @Override public void input(Buffer data) { link.write(data); }
    @Override public void closed() { }
  }

  /** The thinnest endpoint: echo connections, a /version route, 405 for plain HTTP. */
  static final class EchoEndpoint extends VerticleBase {
    final EndpointContext context;
    ServerListeners<Echo> listeners;
    EndpointBus bus;

    EchoEndpoint(EndpointContext context) {
      this.context = context;
    }

    @Override
    public Future<?> start() {
      bus = context.newBus(vertx);
      listeners = new ServerListeners<>(vertx, context, bus, new ServerListeners.Hooks<>((link, t) -> new Echo(link))
        .routes(router -> router.get("/version").handler(ctx -> ctx.end("1.0")))
        .plainHttp(request -> request.response().setStatusCode(405).end()));
      return listeners.listen();
    }

    int port(String scheme) {
      return listeners.listening().stream().filter(a -> a.startsWith(scheme)).map(a -> URI.create(a).getPort())
        .findFirst().orElseThrow();
    }
  }

  private static EchoEndpoint deploy(Vertx vertx, int maxConnections, ConnectionBudget budget) throws Exception {
    return deploy(vertx, new JsonObject().put("maxConnections", maxConnections), budget);
  }

  private static EchoEndpoint deploy(Vertx vertx, JsonObject limits, ConnectionBudget budget) throws Exception {
    EndpointConfig config = EndpointConfig.fromJson(new JsonObject().put("protocol", "faf").put("name", "echo")
      .put("role", "server").put("limits", limits)
      .put("listeners", new JsonArray()
        .add(new JsonObject().put("transport", "tcp").put("port", 0))
        .add(new JsonObject().put("transport", "websocket").put("port", 0).put("path", "/ws")
          .put("allowedOrigins", new JsonArray().add("http://app.example")))));
    EchoEndpoint endpoint = new EchoEndpoint(new EndpointContext(config, "gamebus", NodeIdentity.random(), null, budget));
    vertx.deployVerticle(endpoint).await(5, TimeUnit.SECONDS);
    return endpoint;
  }

  /** Kept in a field: Vert.x closes the connections of a client that was garbage-collected. */
  private io.vertx.core.http.HttpClient http;
  /** The bodies of {@link #get} answers, read as they arrived. */
  private final java.util.Map<HttpClientResponse, Buffer> bodies = new java.util.concurrent.ConcurrentHashMap<>();

  private Future<HttpClientResponse> get(Vertx vertx, int port, String uri, String host) {
    if (http == null) {
      http = vertx.createHttpClient();
    }
    // The whole chain, body included, on the event loop: read later, a body may already be gone.
    io.vertx.core.Promise<HttpClientResponse> done = io.vertx.core.Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> http.request(new RequestOptions().setHost("127.0.0.1").setPort(port)
        .setURI(uri).putHeader("Host", host))
      .compose(request -> request.send())
      .compose(response -> response.body().map(body -> {
        bodies.put(response, body);
        return response;
      }))
      .onComplete(done));
    return done.future();
  }

  @Test
  void routesBesideTheWebSocketCheckHostAndTheRestGetsTheProtocolsAnswer(Vertx vertx, VertxTestContext test) throws Exception {
    EchoEndpoint echo = deploy(vertx, 10, ConnectionBudget.of(100));
    int port = echo.port("ws");
    get(vertx, port, "/version", "127.0.0.1:" + port).compose(ok -> Future.succeededFuture(bodies.get(ok)).map(body -> {
        test.verify(() -> assertEquals("1.0", body.toString()));
        return null;
      }))
      .compose(v -> get(vertx, port, "/version", "rebound.example:" + port))
      .compose(refused -> {
        test.verify(() -> assertEquals(403, refused.statusCode()));
        return get(vertx, port, "/other", "localhost:" + port);
      })
      .onComplete(test.succeeding(other -> test.verify(() -> {
        assertEquals(405, other.statusCode());
        test.completeNow();
      })));
  }

  private Future<WebSocket> ws(Vertx vertx, int port, String path, String origin) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(path);
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    if (webSockets == null) {
      webSockets = vertx.createWebSocketClient();
    }
    return webSockets.connect(options);
  }

  @Test
  void webSocketHandshakeRejectsWrongPathForeignOriginAndPastMaxConnections(Vertx vertx, VertxTestContext test) throws Exception {
    EchoEndpoint echo = deploy(vertx, 10, ConnectionBudget.of(100));
    // Another endpoint with one place: a rejected upgrade's connection may linger a moment, holding it.
    EchoEndpoint full = deploy(vertx, 1, ConnectionBudget.of(100));
    int port = echo.port("ws");
    ws(vertx, port, "/nope", null).transform(wrongPath -> {
      test.verify(() -> assertTrue(wrongPath.cause().getMessage().contains("404"), String.valueOf(wrongPath.cause())));
      return ws(vertx, port, "/ws", "http://evil.example");
    }).transform(foreign -> {
      test.verify(() -> assertTrue(foreign.cause().getMessage().contains("403"), String.valueOf(foreign.cause())));
      return ws(vertx, full.port("ws"), "/ws", "http://app.example");
    }).compose(first -> ws(vertx, full.port("ws"), "/ws", null).transform(second -> {
      test.verify(() -> {
        assertTrue(second.failed(), "past maxConnections the connection is closed at accept");
        assertEquals(1, echo.bus.metrics().refusedConnections(), "the foreign origin");
        assertEquals(1, full.bus.metrics().refusedConnections(), "the one too many");
      });
      return first.close();
    })).onComplete(test.succeedingThenComplete());
  }

  /**
   * Found by the reliability battery: 1,200 TCP connections to a WebSocket port that never sent
   * the upgrade were all held, none counted against maxConnections, all still open after 460 s.
   */
  @Test
  void unfinishedWebSocketUpgradesCountAgainstMaxConnectionsAndTimeOut(Vertx vertx, VertxTestContext test) throws Exception {
    EchoEndpoint echo = deploy(vertx, new JsonObject().put("maxConnections", 3).put("upgradeTimeoutSeconds", 1),
      ConnectionBudget.of(100));
    int port = echo.port("ws");
    var silent = vertx.createNetClient();
    java.util.List<Future<Void>> closed = new java.util.ArrayList<>();
    java.util.List<Future<io.vertx.core.net.NetSocket>> opened = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      opened.add(silent.connect(port, "127.0.0.1").map(socket -> {
        io.vertx.core.Promise<Void> gone = io.vertx.core.Promise.promise();
        socket.closeHandler(v -> gone.complete());
        closed.add(gone.future());
        return socket;
      }));
    }
    Future.all(opened)
      // Three hold the three places; the fourth was closed at accept. None of them sent a byte.
      .compose(v -> Future.all(closed))
      .compose(v -> ws(vertx, port, "/ws", null)) // the places are free again
      .compose(ws -> {
        Future<Buffer> echoed = Future.future(p -> ws.handler(p::tryComplete));
        ws.writeTextMessage("still served");
        return echoed;
      })
      .onComplete(test.succeeding(echoed -> test.verify(() -> {
        assertEquals("still served", echoed.toString());
        assertEquals(4, echo.bus.metrics().refusedConnections(), "one at accept, three after upgradeTimeoutSeconds");
        silent.close();
        test.completeNow();
      })));
  }

  @Test
  void aKeptAliveHttpConnectionMustSendItsNextRequestWithinTheUpgradeTimeout(Vertx vertx, VertxTestContext test)
    throws Exception {
    EchoEndpoint echo = deploy(vertx, new JsonObject().put("maxConnections", 3).put("upgradeTimeoutSeconds", 1),
      ConnectionBudget.of(100));
    int port = echo.port("ws");
    sendThenAwaitClose(vertx, port, "GET /version HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
      .onComplete(test.succeeding(answer -> test.verify(() -> {
        assertTrue(answer.startsWith("HTTP/1.1 200") && answer.endsWith("1.0"), answer);
        assertEquals(1, echo.bus.metrics().refusedConnections(), "closed after the answer, once the timeout passed");
        test.completeNow();
      })));
  }

  /** Writes raw bytes on a new TCP connection; the future is everything read until the server closed it. */
  private static Future<String> sendThenAwaitClose(Vertx vertx, int port, String request) {
    var client = vertx.createNetClient();
    return client.connect(port, "127.0.0.1").compose(socket -> {
      StringBuilder answer = new StringBuilder();
      io.vertx.core.Promise<String> closed = io.vertx.core.Promise.promise();
      socket.handler(bytes -> answer.append(bytes));
      socket.closeHandler(v -> closed.complete(answer.toString()));
      socket.write(request);
      return closed.future();
    }).eventually(client::close);
  }

  /**
   * A refused upgrade (wrong path, foreign Origin) is answered and its connection kept alive; it
   * must still send its next request within upgradeTimeoutSeconds, or it holds its place for ever.
   */
  @Test
  void aConnectionWhoseUpgradeWasRefusedMustSendItsNextRequestWithinTheUpgradeTimeout(Vertx vertx, VertxTestContext test)
    throws Exception {
    EchoEndpoint echo = deploy(vertx, new JsonObject().put("maxConnections", 3).put("upgradeTimeoutSeconds", 1),
      ConnectionBudget.of(100));
    int port = echo.port("ws");
    sendThenAwaitClose(vertx, port, "GET /nope HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
      .onComplete(test.succeeding(answer -> test.verify(() -> {
        assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
        assertEquals(1, echo.bus.metrics().refusedConnections(), "closed after the 404, once the timeout passed");
        test.completeNow();
      })));
  }

  @Test
  void theNodeBudgetRefusesConnectionsAcrossEndpoints(Vertx vertx, VertxTestContext test) throws Exception {
    ConnectionBudget budget = ConnectionBudget.of(1);
    EchoEndpoint a = deploy(vertx, 10, budget);
    EchoEndpoint b = deploy(vertx, 10, budget);
    var client = vertx.createNetClient();
    client.connect(a.port("tcp"), "127.0.0.1").compose(first -> {
      Future<Buffer> echoed = Future.future(p -> first.handler(p::tryComplete));
      first.write("hi");
      return echoed.map(first);
    }).compose(first -> client.connect(b.port("tcp"), "127.0.0.1").compose(second -> {
      Future<Void> closed = Future.future(p -> second.closeHandler(p::tryComplete));
      return closed;
    }).map(first)).onComplete(test.succeeding(first -> test.verify(() -> {
      assertEquals(1, b.bus.metrics().refusedConnections());
      assertEquals(1, budget.inUse());
      first.close();
      test.completeNow();
    })));
  }

}
