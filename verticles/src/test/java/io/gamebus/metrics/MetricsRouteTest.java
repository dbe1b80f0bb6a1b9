package io.gamebus.metrics;

import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.config.GamebusConfig;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.launcher.VertxFactory;
import io.gamebus.support.FafPorts;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /metrics} of a node built as {@code Main} builds it: each figure moves by exactly what
 * crossed the wire, the bridge's figures follow a browser socket, labels stay a closed set, and
 * Vert.x's and the JVM's metrics are there too.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class MetricsRouteTest {

  /** Every label a gamebus_ metric may carry: none names a connection, a peer or an address. */
  private static final Set<String> BOUNDED_LABELS = Set.of("protocol", "endpoint", "node", "outcome", "transport", "code", "le");

  @TempDir
  Path dir;
  private Vertx vertx;

  @AfterEach
  void close() throws Exception {
    if (vertx != null) {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void fafTrafficAndABrowserSocketMoveEachFigureByExactlyWhatCrossedTheWire() throws Exception {
    vertx = VertxFactory.create(TestConfigs.node()).await(10, TimeUnit.SECONDS);
    Tokens tokens = new Tokens(vertx, dir);
    // No server pings: everything the server writes answers the client.
    JsonObject lobby = TestConfigs.fafServer("lobby", tokens.secretFile())
      .put("options", new JsonObject().put("pingIntervalSeconds", 0));
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(lobby)).await(10, TimeUnit.SECONDS);
    NodeHttp http = new NodeHttp(vertx, node.console().actualPort());
    String[] faf = {"protocol", "faf", "endpoint", "lobby", "node", node.nodeId()};
    String[] bridge = {"protocol", "bridge", "endpoint", "console", "node", node.nodeId()};

    Scrape before = http.metrics();
    assertEquals(0, before.value("gamebus_connections_open", faf));
    assertEquals(0, before.value("gamebus_bridge_sockets", "transport", "raw-websocket"));
    assertTrue(before.has("vertx_http_server_active_connections"), "Vert.x's own metrics are collected");
    assertTrue(before.has("jvm_memory_used_bytes") && before.has("jvm_gc_pause_seconds_count")
      || before.has("jvm_memory_used_bytes") && before.has("jvm_threads_live_threads"), "the JVM's metrics are collected");

    // A browser socket listening on the lobby's .in, and one refused registration.
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    WebSocket browser = vertx.createWebSocketClient().connect(node.console().actualPort(), "127.0.0.1", "/eventbus/websocket")
      .await(10, TimeUnit.SECONDS);
    browser.textMessageHandler(text -> frames.add(new JsonObject(text)));
    browser.writeTextMessage(new JsonObject().put("type", "register").put("address", "gamebus.faf.lobby.in")
      .put("headers", new JsonObject().put("lastSeq", 0)).encode());
    assertNotNull(frames.poll(10, TimeUnit.SECONDS), "the recovery report says the registration is in place");
    browser.writeTextMessage(new JsonObject().put("type", "register").put("address", "gamebus.faf.lobby.out").encode());
    assertEquals("access_denied", frames.poll(10, TimeUnit.SECONDS).getString("body"));

    // A FAF client: login, three pings, everything the server wrote counted on arrival.
    FafTestClient client = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(10, TimeUnit.SECONDS);
    client.send(FafMessage.command("auth").with("unique_id", "uid").with("token", tokens.lobby(7, "p7")));
    int received = 0;
    int pongs = 0;
    boolean loggedIn = false;
    while (!loggedIn || pongs < 3) {
      FafMessage message = client.next().await(10, TimeUnit.SECONDS);
      received++;
      if (!loggedIn && message.command().equals("game_info")) {
        loggedIn = true;
        for (int i = 0; i < 3; i++) {
          client.send(FafMessage.command("ping"));
        }
      } else if (message.command().equals("pong")) {
        pongs++;
      }
    }
    for (int i = 0; i < 4; i++) {
      JsonObject rec = frames.poll(10, TimeUnit.SECONDS);
      assertEquals("gamebus.faf.lobby.in", rec.getString("address"), rec.encode());
    }

    Scrape after = http.metrics();
    assertEquals(1, after.value("gamebus_connections_open", faf));
    assertEquals(1, delta(before, after, "gamebus_connections_opened_total", faf));
    assertEquals(4, delta(before, after, "gamebus_messages_in_total", faf), "auth and three pings");
    assertEquals(received, delta(before, after, "gamebus_messages_out_total", faf), "what the client received");
    assertEquals(0, delta(before, after, "gamebus_bad_input_total", faf));
    assertEquals(0, delta(before, after, "gamebus_connections_refused_total", faf));
    assertEquals(0, delta(before, after, "gamebus_slow_consumers_total", faf));

    assertEquals(1, after.value("gamebus_bridge_sockets", "transport", "raw-websocket"));
    assertEquals(0, after.value("gamebus_bridge_sockets", "transport", "websocket"));
    assertEquals(1, after.value("gamebus_connections_open", bridge));
    assertEquals(2, delta(before, after, "gamebus_messages_in_total", bridge), "two register frames");
    assertEquals(4, delta(before, after, "gamebus_messages_out_total", bridge), "four envelopes delivered to one browser");
    assertEquals(1, delta(before, after, "gamebus_bridge_refusals_total", "code", "access_denied"));
    assertEquals(0, delta(before, after, "gamebus_bridge_refusals_total", "code", "invalid_json"));

    // Bad input is counted; the connection's end shows in the gauge.
    client.sendRaw("{not json\n");
    client.closed().await(10, TimeUnit.SECONDS);
    browser.close().await(10, TimeUnit.SECONDS);
    Scrape end = eventually(http, s -> s.value("gamebus_connections_open", faf) == 0
      && s.value("gamebus_bridge_sockets", "transport", "raw-websocket") == 0);
    assertEquals(1, delta(before, end, "gamebus_bad_input_total", faf));
    assertEquals(0, end.value("gamebus_connections_open", bridge));

    Set<String> labels = end.labelNames("gamebus_");
    assertTrue(BOUNDED_LABELS.containsAll(labels), "gamebus labels are a closed set: " + labels);
    assertTrue(end.labelNames("vertx_").stream().noneMatch(l -> l.equals("address") || l.equals("remote") || l.equals("local")),
      "no per-address or per-peer labels on Vert.x's metrics: " + end.labelNames("vertx_"));
    node.stop().await(10, TimeUnit.SECONDS);
  }

  @Test
  void metricsAreNotServedWhenTurnedOffAndGoThroughTheHostCheck(Vertx plain) throws Exception {
    GamebusConfig off = GamebusConfig.fromJson(TestConfigs.node().toJson()
      .put("http", new JsonObject().put("port", 0).put("metrics", false)));
    GamebusNode node = GamebusNode.start(plain, off).await(10, TimeUnit.SECONDS);
    NodeHttp http = new NodeHttp(plain, node.console().actualPort());
    assertEquals(404, http.get("/metrics").status());
    assertEquals(200, http.get("/health").status(), "health does not depend on metrics");
    node.stop().await(10, TimeUnit.SECONDS);

    // A Vert.x built elsewhere (no metrics options): gamebus's and the JVM's figures, not Vert.x's.
    GamebusNode on = GamebusNode.start(plain, TestConfigs.node()).await(10, TimeUnit.SECONDS);
    http = new NodeHttp(plain, on.console().actualPort());
    NodeHttp.Answer rebound = http.get("/metrics", "attacker.example:" + on.console().actualPort());
    assertEquals(403, rebound.status(), "a DNS-rebinding page's Host is refused");
    assertEquals(403, http.get("/health/ready", "attacker.example").status());
    Scrape scrape = http.metrics();
    assertTrue(scrape.has("gamebus_connections_open", "protocol", "bridge"), scrape.text);
    assertTrue(scrape.has("jvm_memory_used_bytes"), "JVM metrics");
    assertTrue(!scrape.has("vertx_http_server_active_connections"), "no Vert.x metrics without its options");
    on.stop().await(10, TimeUnit.SECONDS);
  }

  /** Vert.x's registry outlives a node: a node started again on it reads its own endpoints, once each. */
  @Test
  void aNodeStartedAgainOnTheSameVertxReportsItsNewEndpointsOnly() throws Exception {
    vertx = VertxFactory.create(TestConfigs.node()).await(10, TimeUnit.SECONDS);
    Tokens tokens = new Tokens(vertx, dir);
    GamebusConfig config = TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile()));
    GamebusNode first = GamebusNode.start(vertx, config).await(10, TimeUnit.SECONDS);
    FafTestClient client = FafTestClient.tcp(vertx, FafPorts.port(first, "lobby", "tcp")).await(10, TimeUnit.SECONDS);
    client.send(FafMessage.command("ask_session").with("user_agent", "metrics"));
    client.next("session").await(10, TimeUnit.SECONDS);
    assertEquals(1, new NodeHttp(vertx, first.console().actualPort()).metrics()
      .value("gamebus_messages_in_total", "protocol", "faf", "node", first.nodeId()));
    first.stop().await(10, TimeUnit.SECONDS);

    GamebusNode second = GamebusNode.start(vertx, config).await(10, TimeUnit.SECONDS);
    Scrape scrape = new NodeHttp(vertx, second.console().actualPort()).metrics();
    assertEquals(0, scrape.value("gamebus_messages_in_total", "protocol", "faf"), "the new endpoint's count, alone");
    assertEquals(0, scrape.value("gamebus_connections_open", "protocol", "faf"));
    assertEquals(1, scrape.labelValues("gamebus_messages_in_total", "node").size(), scrape.text);
    assertEquals(4, scrape.labelValues("gamebus_handler_call_seconds_count", "outcome").size(), scrape.text);
    second.stop().await(10, TimeUnit.SECONDS);
  }

  /** A peer picks the HTTP method: each new one must not become a new series. */
  @Test
  void httpMethodsAPeerMakesUpShareOneLabelValue() throws Exception {
    vertx = VertxFactory.create(TestConfigs.node()).await(10, TimeUnit.SECONDS);
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node()).await(10, TimeUnit.SECONDS);
    int port = node.console().actualPort();
    for (int i = 0; i < 5; i++) {
      String method = "MADEUP" + i;
      NetSocket socket = vertx.createNetClient().connect(port, "127.0.0.1").await(10, TimeUnit.SECONDS);
      Buffer answer = Buffer.buffer();
      Promise<Void> answered = Promise.promise();
      socket.handler(answer::appendBuffer);
      socket.closeHandler(v -> answered.tryComplete());
      socket.write(method + " /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
      answered.future().await(10, TimeUnit.SECONDS);
      socket.close();
    }
    NodeHttp http = new NodeHttp(vertx, port);
    http.get("/health");
    assertEquals("text/plain; version=0.0.4; charset=utf-8", http.get("/metrics").contentType());
    Scrape scrape = http.metrics();
    List<String> methods = scrape.labelValues("vertx_http_server_requests_total", "method");
    assertTrue(methods.contains("other") && methods.stream().noneMatch(m -> m.startsWith("MADEUP")),
      "made-up methods are counted as other: " + methods);
    assertTrue(methods.contains("GET"), "the standard methods keep their name: " + methods);
    node.stop().await(10, TimeUnit.SECONDS);
  }

  static double delta(Scrape before, Scrape after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }

  /** Scrapes until {@code done} holds (a connection's end is seen a moment after the peer's). */
  static Scrape eventually(NodeHttp http, java.util.function.Predicate<Scrape> done) throws Exception {
    while (true) {
      Scrape scrape = http.metrics();
      if (done.test(scrape)) {
        return scrape;
      }
      Thread.sleep(20);
    }
  }
}
