package io.gamebus.bridge;

import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cross-site WebSocket hijacking is refused; permissions deny by default. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class BrowserBridgeSecurityTest {

  @TempDir
  Path dir;
  GamebusNode node;
  WebSocketClient client;
  int port;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafServer("lobby", new Tokens(vertx, dir).secretFile())))
      .await(10, TimeUnit.SECONDS);
    port = node.console().actualPort();
    client = vertx.createWebSocketClient();
  }

  private Future<WebSocket> open(String origin) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
      .setURI("/eventbus/websocket");
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    return client.connect(options);
  }

  @Test
  void otherSitesAreRefused(VertxTestContext test) {
    open("http://evil.example").onComplete(test.failing(e -> test.verify(() -> {
      assertTrue(e.getMessage().contains("403"), e.getMessage());
      test.completeNow();
    })));
  }

  @Test
  void dnsRebindingOriginOnOurPortIsRefused(VertxTestContext test) {
    open("http://evil.example:" + port).onComplete(test.failing(e -> test.verify(() -> {
      assertTrue(e.getMessage().contains("403"), e.getMessage());
      test.completeNow();
    })));
  }

  @Test
  void theConsolesOwnOriginsAndNonBrowsersAreLetThrough(VertxTestContext test) {
    open("http://127.0.0.1:" + port)
      .compose(ws -> ws.close())
      .compose(v -> open("http://localhost:" + port))
      .compose(ws -> ws.close())
      .compose(v -> open(null))
      .onComplete(test.succeedingThenComplete());
  }

  @Test
  void sendingOutsideThePermittedAddressesIsDenied(VertxTestContext test) {
    open(null).onComplete(test.succeeding(ws -> {
      ws.handler(text -> test.verify(() -> {
        JsonObject reply = new JsonObject(text.toString());
        assertEquals("err", reply.getString("type"));
        assertEquals("access_denied", reply.getString("body"));
        test.completeNow();
      }));
      ws.writeTextMessage(new JsonObject().put("type", "send").put("address", "gamebus.faf.lobby.handle.login")
        .put("body", new JsonObject()).encode());
    }));
  }

  @Test
  void listeningOnPointToPointAddressesIsDenied(VertxTestContext test) {
    // A browser consumer on .out or .handle.* would join the round-robin and intercept answers.
    io.vertx.junit5.Checkpoint denied = test.checkpoint(3);
    open(null).onComplete(test.succeeding(ws -> {
      ws.handler(text -> test.verify(() -> {
        assertEquals("access_denied", new JsonObject(text.toString()).getString("body"));
        denied.flag();
      }));
      for (String address : new String[] {"gamebus.faf.lobby.out", "gamebus.faf.lobby.handle.login", "gamebus.endpoints"}) {
        ws.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode());
      }
    }));
  }

  @Test
  void sockJsIframePageIsNotServed(Vertx vertx, VertxTestContext test) {
    http(vertx).request(io.vertx.core.http.HttpMethod.GET, port, "127.0.0.1", "/eventbus/iframe.html")
      .compose(request -> request.send())
      .onComplete(test.succeeding(response -> test.verify(() -> {
        assertEquals(404, response.statusCode());
        test.completeNow();
      })));
  }

  @Test
  void readingANonGamebusAddressIsDenied(VertxTestContext test) {
    open(null).onComplete(test.succeeding(ws -> {
      ws.handler(text -> test.verify(() -> {
        assertEquals("access_denied", new JsonObject(text.toString()).getString("body"));
        test.completeNow();
      }));
      ws.writeTextMessage(new JsonObject().put("type", "register").put("address", "secret.internal").encode());
    }));
  }

  /** Kept in a field: Vert.x closes the connections of a client that was garbage-collected. */
  private io.vertx.core.http.HttpClient http;

  private io.vertx.core.http.HttpClient http(Vertx vertx) {
    if (http == null) {
      http = vertx.createHttpClient();
    }
    return http;
  }

  private Future<Integer> getEndpoints(Vertx vertx, String host) {
    return http(vertx).request(new io.vertx.core.http.RequestOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/api/endpoints").putHeader("Host", host))
      .compose(request -> request.send()).map(io.vertx.core.http.HttpClientResponse::statusCode);
  }

  @Test
  void aDnsRebindingPageCannotReadTheEndpointList(Vertx vertx, VertxTestContext test) {
    getEndpoints(vertx, "evil.example:" + port).onComplete(test.succeeding(status -> test.verify(() -> {
      assertEquals(403, status);
      test.completeNow();
    })));
  }

  @Test
  void theEndpointListAnswersUnderTheConsolesOwnNames(Vertx vertx, VertxTestContext test) {
    getEndpoints(vertx, "127.0.0.1:" + port).compose(first -> getEndpoints(vertx, "localhost:" + port)
        .map(second -> List.of(first, second)))
      .onComplete(test.succeeding(both -> test.verify(() -> {
        assertEquals(List.of(200, 200), both);
        test.completeNow();
      })));
  }

  private Future<WebSocket> openLobby(int lobbyPort, String origin) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(lobbyPort).setURI("/");
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    return client.connect(options);
  }

  @Test
  void aProtocolWebSocketRefusesOtherSitesAndCountsIt(VertxTestContext test) {
    int lobby = io.gamebus.support.FafPorts.port(node, "lobby", "ws");
    openLobby(lobby, "http://evil.example").onComplete(test.failing(e -> test.verify(() -> {
      assertTrue(e.getMessage().contains("403"), e.getMessage());
      assertEquals(1, node.fafServer("lobby").bus().metrics().refusedConnections());
      test.completeNow();
    })));
  }

  @Test
  void aProtocolWebSocketLetsItsOwnOriginAndNonBrowsersIn(VertxTestContext test) {
    int lobby = io.gamebus.support.FafPorts.port(node, "lobby", "ws");
    openLobby(lobby, "http://localhost:" + lobby).compose(WebSocket::close)
      .compose(v -> openLobby(lobby, null)).compose(WebSocket::close)
      .onComplete(test.succeedingThenComplete());
  }
}
