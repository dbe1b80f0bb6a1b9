package io.gamebus.metrics;

import io.gamebus.codecs.red.RedSignature;
import io.gamebus.config.GamebusConfig;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.launcher.VertxFactory;
import io.gamebus.red.RedMethods;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /health}: ready while every endpoint listens or is connected, 503 with the reason while a
 * client endpoint cannot reach its server, the cluster check on a clustered node; and the call
 * timers of {@code /metrics}, which need a client and a server endpoint to move.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
class HealthRouteTest {

  @TempDir
  Path dir;

  @Test
  void readyWhileEveryServerEndpointListens(Vertx vertx) throws Exception {
    Tokens tokens = new Tokens(vertx, dir);
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile())))
      .await(10, TimeUnit.SECONDS);
    NodeHttp http = new NodeHttp(vertx, node.console().actualPort());

    NodeHttp.Answer ready = http.get("/health/ready");
    assertEquals(200, ready.status(), ready.body());
    assertEquals("application/json", ready.contentType());
    JsonObject check = onlyCheck(ready.json(), "faf.lobby");
    assertEquals("UP", ready.json().getString("status"));
    assertEquals("UP", check.getString("status"));
    assertEquals("listening", check.getJsonObject("data").getString("state"));
    assertEquals(2, check.getJsonObject("data").getJsonArray("listeners").size(), "tcp and websocket");
    assertEquals(ready.json(), http.get("/health").json(), "/health is readiness");
    NodeHttp.Answer live = http.get("/health/live");
    assertEquals(200, live.status());
    assertEquals("UP", live.json().getString("status"));
    node.stop().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aClientEndpointThatCannotConnectIsNotReadyAndItsRequestsFailAndAreTimed(Vertx vertx) throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String url = "ws://127.0.0.1:" + closed + "/";
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.redClient("bot", url, new JsonObject())))
      .await(10, TimeUnit.SECONDS);
    NodeHttp http = new NodeHttp(vertx, node.console().actualPort());

    NodeHttp.Answer ready = http.get("/health/ready");
    assertEquals(503, ready.status(), ready.body());
    assertEquals("DOWN", ready.json().getString("status"));
    JsonObject data = onlyCheck(ready.json(), "red.bot").getJsonObject("data");
    assertEquals("client", data.getString("role"));
    assertEquals(url, data.getString("url"));
    assertTrue(data.getString("reason").endsWith("not connected to " + url), data.encode());
    assertTrue(List.of("connecting", "reconnecting", "failed").contains(data.getString("state")), data.encode());
    assertEquals(200, http.get("/health/live").status(), "alive, only not ready");

    Scrape before = http.metrics();
    Exception failed = assertThrows(Exception.class, () -> request(vertx, "bot", "GET_METHODS"));
    ReplyException down = (ReplyException) (failed instanceof ReplyException ? failed : failed.getCause());
    assertEquals(503, down.failureCode());
    Scrape after = http.metrics();
    String[] errors = {"protocol", "red", "endpoint", "bot", "outcome", "error"};
    assertEquals(1, MetricsRouteTest.delta(before, after, "gamebus_request_seconds_count", errors));
    assertEquals(0, after.value("gamebus_request_seconds_count", "endpoint", "bot", "outcome", "ok"));
    node.stop().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aClientEndpointIsReadyOnceConnectedAndEachCallIsTimedOnBothSides(Vertx vertx) throws Exception {
    GamebusNode server = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.redServer("rpc", new JsonObject())))
      .await(10, TimeUnit.SECONDS);
    RedMethods.register(vertx, "rpc", "TEST__GREET", RedSignature.of(List.of("name"), Map.of()),
      call -> Future.succeededFuture(new JsonObject().put("result", "hello " + call.getJsonObject("args").getString("name"))))
      .await(10, TimeUnit.SECONDS);
    GamebusNode client = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.redClient("bot",
      server.redServer("rpc").listening().get(0), new JsonObject()))).await(10, TimeUnit.SECONDS);
    NodeHttp clientHttp = new NodeHttp(vertx, client.console().actualPort());
    NodeHttp serverHttp = new NodeHttp(vertx, server.console().actualPort());

    NodeHttp.Answer ready = clientHttp.get("/health/ready");
    while (ready.status() != 200) { // the link comes up a moment after the node started
      Thread.sleep(20);
      ready = clientHttp.get("/health/ready");
    }
    assertEquals("connected", onlyCheck(ready.json(), "red.bot").getJsonObject("data").getString("state"));

    Scrape clientBefore = clientHttp.metrics();
    Scrape serverBefore = serverHttp.metrics();
    for (String name : List.of("Ada", "Bob")) {
      assertEquals("hello " + name, request(vertx, "bot", "TEST__GREET", name).getString("result"));
    }
    String[] ok = {"protocol", "red", "endpoint", "bot", "outcome", "ok"};
    String[] answered = {"protocol", "red", "endpoint", "rpc", "outcome", "answered"};
    assertEquals(2, MetricsRouteTest.delta(clientBefore, clientHttp.metrics(), "gamebus_request_seconds_count", ok));
    Scrape serverAfter = serverHttp.metrics();
    assertEquals(2, MetricsRouteTest.delta(serverBefore, serverAfter, "gamebus_handler_call_seconds_count", answered));
    assertEquals(serverAfter.value("gamebus_handler_call_seconds_count", answered),
      serverAfter.value("gamebus_handler_call_seconds_bucket", "endpoint", "rpc", "outcome", "answered", "le", "+Inf"),
      "every call falls in the last bucket");
    client.stop().await(10, TimeUnit.SECONDS);
    server.stop().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aClusteredNodeIsReadyOnceItIsInTheCluster() throws Exception {
    GamebusConfig config = GamebusConfig.fromJson(TestConfigs.node().toJson()
      .put("cluster", new JsonObject().put("enabled", true)));
    Vertx vertx = VertxFactory.create(config).await(90, TimeUnit.SECONDS);
    try {
      GamebusNode node = GamebusNode.start(vertx, config).await(20, TimeUnit.SECONDS);
      NodeHttp.Answer ready = new NodeHttp(vertx, node.console().actualPort()).get("/health/ready");
      assertEquals(200, ready.status(), ready.body());
      JsonObject cluster = onlyCheck(ready.json(), "cluster");
      assertEquals("UP", cluster.getString("status"));
      assertTrue(cluster.getJsonObject("data").getJsonArray("nodes").contains(node.nodeId()), cluster.encode());
      node.stop().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static JsonObject onlyCheck(JsonObject health, String name) {
    JsonArray checks = health.getJsonArray("checks");
    List<JsonObject> named = checks.stream().map(JsonObject.class::cast).filter(c -> name.equals(c.getString("name"))).toList();
    assertEquals(1, named.size(), health.encodePrettily());
    return named.get(0);
  }

  private static JsonObject request(Vertx vertx, String endpoint, String method, Object... params) throws Exception {
    return vertx.eventBus().<JsonObject>request("gamebus.red." + endpoint + ".request",
      new JsonObject().put("method", method).put("params", new JsonArray(List.of(params))),
      new DeliveryOptions().setSendTimeout(10_000)).await(10, TimeUnit.SECONDS).body();
  }
}
