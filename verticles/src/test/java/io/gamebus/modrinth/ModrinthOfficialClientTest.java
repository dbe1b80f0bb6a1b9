package io.gamebus.modrinth;

import io.gamebus.bus.Envelope;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.NodeScript;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official {@code @modrinth/api-client} 0.77.0 (Node, {@code modrinth-client.mjs}) drives the
 * server role unchanged, against the example server for id {@code demo}: its own
 * {@code safeConnect}, {@code on}, {@code send}, {@code disconnect}, its renewal on
 * {@code auth-expiring}, its reconnect after a close other than 1000, and its REST power call.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class ModrinthOfficialClientTest {

  static final String API_TOKEN = "mrp_test-api-token";
  static final List<String> NODE_OPTIONS = List.of("--experimental-websocket");

  @TempDir
  Path dir;

  private final List<NodeScript> scripts = new ArrayList<>();
  private final BlockingQueue<Envelope> in = new LinkedBlockingQueue<>();
  private final BlockingQueue<JsonObject> status = new LinkedBlockingQueue<>();

  @AfterEach
  void stopScripts() {
    scripts.forEach(NodeScript::close);
  }

  /** A node with the endpoint {@code survival} and the example server; the bus {@code .in} and {@code .status} recorded. */
  GamebusNode start(Vertx vertx, JsonObject options, JsonObject limits) throws Exception {
    JsonObject endpoint = endpoint(options);
    if (limits != null) {
      endpoint.put("limits", limits);
    }
    return start(vertx, endpoint);
  }

  JsonObject endpoint(JsonObject options) throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("modrinth-api-token"), API_TOKEN + "\n");
    return TestConfigs.modrinthServer("survival", tokenFile.toString(), options.copy().put("exampleServer", true));
  }

  GamebusNode start(Vertx vertx, JsonObject endpoint) throws Exception {
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(endpoint)).await(10, TimeUnit.SECONDS);
    vertx.eventBus().<Envelope>consumer("gamebus.modrinth.survival.in", m -> in.add(m.body())).completion()
      .await(5, TimeUnit.SECONDS);
    vertx.eventBus().<JsonObject>consumer("gamebus.modrinth.survival.status", m -> status.add(m.body())).completion()
      .await(5, TimeUnit.SECONDS);
    return node;
  }

  NodeScript client(GamebusNode node, String token) throws Exception {
    return client(node, token, "demo");
  }

  NodeScript client(GamebusNode node, String token, String serverId) throws Exception {
    NodeScript script = NodeScript.start(NODE_OPTIONS, "modrinth-client.mjs",
      "--base-url", node.modrinthServer("survival").archonBaseUrl(), "--token", token, "--server", serverId);
    scripts.add(script);
    script.awaitSince(0, "READY", 30);
    return script;
  }

  /** Sends {@code connect}, waits for the client's {@code safeConnect} to resolve; the connection's id on the bus. */
  String connect(NodeScript script) throws Exception {
    int mark = script.lineCount();
    script.send("connect");
    script.awaitSince(mark, "CONNECTED", 30);
    return next(status, state("authenticated")).getString("connection");
  }

  static JsonObject event(String line) {
    return new JsonObject(line.substring("EVENT ".length()));
  }

  static <T> T next(BlockingQueue<T> queue, Predicate<T> match) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    for (long left; (left = deadline - System.nanoTime()) > 0; ) {
      T item = queue.poll(left, TimeUnit.NANOSECONDS);
      if (item != null && match.test(item)) {
        return item;
      }
    }
    throw new AssertionError("nothing matching arrived on the bus");
  }

  static Predicate<JsonObject> state(String state) {
    return s -> state.equals(s.getString("state"));
  }

  @Test
  void safeConnectSucceedsAndTheExampleServersEventsArrive(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx, new JsonObject(), null);
    NodeScript script = client(node, API_TOKEN);
    String connection = connect(script);
    assertEquals("auth-ok", event(script.awaitSince(0, "EVENT {\"event\":\"auth-ok\"", 5)).getString("event"));
    assertEquals("running", event(script.awaitSince(0, "EVENT {\"event\":\"power-state\"", 10)).getString("state"),
      "the example server greets a new socket with its power state");
    assertTrue(event(script.awaitSince(0, "EVENT {\"event\":\"uptime\"", 10)).getValue("uptime") instanceof Number);
    JsonObject stats = event(script.awaitSince(0, "EVENT {\"event\":\"stats\"", 10));
    assertEquals(4096L * 1024 * 1024, stats.getLong("ram_total_bytes"));
    assertTrue(stats.getValue("cpu_percent") instanceof Number, stats.encode());
    // a 900 s token is neither expiring nor refused a second later
    assertEquals(List.of("EVENT {\"event\":\"auth-ok\"}"), script.linesSince(0, "EVENT {\"event\":\"auth-"));
    assertTrue(script.awaitSince(0, "HTTP GET /modrinth/v0/servers/demo/ws", 5).endsWith(" 200"));
    script.send("status");
    assertEquals(new JsonObject().put("connected", true).put("reconnecting", false).put("reconnectAttempts", 0),
      new JsonObject(script.awaitSince(0, "STATUS ", 5).substring("STATUS ".length())));

    Envelope auth = next(in, e -> "auth".equals(e.type()));
    assertEquals("modrinth", auth.protocol());
    assertEquals("survival", auth.endpoint());
    assertEquals(new JsonObject().put("event", "auth").put("jwt", "<redacted>").put("server", "demo"), auth.body(),
      "the jwt never reaches the bus");
    assertEquals(connection, auth.connection());
  }

  @Test
  void aConsoleCommandSentByTheClientIsPublishedAndEchoedAsLogLines(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx, new JsonObject(), null);
    NodeScript script = client(node, API_TOKEN);
    String connection = connect(script);
    int mark = script.lineCount();
    script.send("send {\"event\":\"command\",\"cmd\":\"/say hello from node\"}");
    script.awaitSince(mark, "SENT", 5);
    JsonObject echo = event(script.awaitSince(mark, "EVENT {\"event\":\"log\",\"stream\":\"stdout\",\"message\":\"> /say", 10));
    assertEquals("> /say hello from node", echo.getString("message"));
    assertEquals("[Server thread/INFO]: [Server] hello from node",
      event(script.awaitSince(mark, "EVENT {\"event\":\"log\",\"stream\":\"stdout\",\"message\":\"[Server thread/INFO]: [Server]", 10))
        .getString("message"));

    Envelope command = next(in, e -> "command".equals(e.type()));
    assertEquals(new JsonObject().put("event", "command").put("cmd", "/say hello from node").put("server", "demo"),
      command.body());
    assertEquals(connection, command.connection());
  }

  @Test
  void outFromTheBusReachesTheClientByServerIdAndByConnection(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx, new JsonObject(), null);
    NodeScript script = client(node, API_TOKEN);
    String connection = connect(script);
    int mark = script.lineCount();
    JsonObject byServer = new JsonObject().put("event", "new-mod").put("project_id", "AANobbMI").put("version_id", "v1");
    JsonObject reply = vertx.eventBus().<JsonObject>request("gamebus.modrinth.survival.out", byServer,
      new DeliveryOptions().addHeader("server", "demo")).await(5, TimeUnit.SECONDS).body();
    assertEquals(1, reply.getInteger("written"));
    assertEquals(byServer, event(script.awaitSince(mark, "EVENT {\"event\":\"new-mod\"", 10)));

    JsonObject byConnection = new JsonObject().put("event", "installation-result").put("result", "err").put("reason", "disk full");
    vertx.eventBus().<JsonObject>request("gamebus.modrinth.survival.out", byConnection,
      new DeliveryOptions().addHeader("connection", connection)).await(5, TimeUnit.SECONDS);
    assertEquals(byConnection, event(script.awaitSince(mark, "EVENT {\"event\":\"installation-result\"", 10)));
  }

  @Test
  void aPowerRestartThroughTheClientsRestCallIsPublishedAndTheStatesArrive(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx, new JsonObject(), null);
    NodeScript script = client(node, API_TOKEN);
    connect(script);
    script.awaitSince(0, "EVENT {\"event\":\"power-state\",\"state\":\"running\"", 10);
    int mark = script.lineCount();
    script.send("power Restart");
    script.awaitSince(mark, "POWER-OK", 15);
    assertTrue(script.awaitSince(mark, "HTTP POST /modrinth/v0/servers/demo/power", 5).endsWith(" 204"));
    Envelope power = next(in, e -> "power".equals(e.type()));
    assertEquals(new JsonObject().put("server", "demo").put("action", "Restart"), power.body());

    List<String> states = new ArrayList<>();
    String running = script.awaitSince(mark, "EVENT {\"event\":\"power-state\",\"state\":\"running\"", 15);
    for (String line : script.linesSince(mark, "EVENT {\"event\":\"power-state\"")) {
      states.add(event(line).getString("state"));
      if (line.equals(running)) {
        break;
      }
    }
    assertEquals(List.of("stopping", "stopped", "starting", "running"), states);
  }

  @Test
  void theClientRenewsItsTokenOnAuthExpiringOnTheSameSocket(Vertx vertx) throws Exception {
    // 10 s tokens, auth-expiring 8 s before expiry: the first renewal is due 2 s after auth-ok
    GamebusNode node = start(vertx, new JsonObject().put("tokenLifetimeSeconds", 10).put("renewBeforeSeconds", 8), null);
    NodeScript script = client(node, API_TOKEN);
    String connection = connect(script);
    String firstAuth = script.awaitSince(0, "WS-AUTH ", 5);
    int mark = script.lineCount();
    script.awaitSince(mark, "EVENT {\"event\":\"auth-expiring\"", 10);
    assertTrue(script.awaitSince(mark, "HTTP GET /modrinth/v0/servers/demo/ws", 10).endsWith(" 200"),
      "the client fetched a new token");
    String renewedAuth = script.awaitSince(mark, "WS-AUTH ", 10);
    assertNotEquals(firstAuth, renewedAuth, "the new token was sent");
    script.awaitSince(mark, "EVENT {\"event\":\"auth-ok\"", 10);
    JsonObject renewed = next(status, s -> "authenticated".equals(s.getString("state"))
      && String.valueOf(s.getString("detail")).startsWith("renewed"));
    assertEquals(connection, renewed.getString("connection"), "renewed on the same socket");
    assertEquals(List.of(), script.linesSince(0, "WS-CLOSE"), "the socket stayed open");
    assertEquals(1, script.linesSince(0, "WS-OPEN").size());
    // still served after the first token's expiry: an event written now arrives
    int later = script.lineCount();
    script.awaitSince(later, "EVENT {\"event\":\"stats\"", 10);
  }

  @Test
  void aWrongApiTokenMakesTheClientsCallsFailWith401(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx, new JsonObject(), null);
    NodeScript script = client(node, "not-the-token");
    script.send("connect");
    String failed = script.awaitSince(0, "CONNECT-FAILED", 15);
    assertTrue(failed.startsWith("CONNECT-FAILED 401 "), failed);
    script.send("power Start");
    String power = script.awaitSince(0, "POWER-FAILED", 15);
    assertTrue(power.startsWith("POWER-FAILED 401 "), power);
    assertEquals(List.of(), script.linesSince(0, "WS-OPEN"), "no socket without a token");
  }

  @Test
  void aServerIdThisNodeDoesNotHostIsAnswered404(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx, new JsonObject().put("serverIds", new io.vertx.core.json.JsonArray().add("demo")), null);
    NodeScript script = client(node, API_TOKEN, "elsewhere");
    script.send("connect");
    String failed = script.awaitSince(0, "CONNECT-FAILED", 15);
    assertTrue(failed.startsWith("CONNECT-FAILED 404 "), failed);
    assertEquals(List.of(), script.linesSince(0, "WS-OPEN"));
  }

  @Test
  void disconnectClosesWith1000AndTheClientDoesNotReconnect(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx, new JsonObject(), null);
    NodeScript script = client(node, API_TOKEN);
    String connection = connect(script);
    // Node 20's WebSocket reports 1006 instead of the server's 1000 when the server's close frame
    // and its TCP FIN arrive together with frames still being parsed: disconnect between two stats
    int mark = script.lineCount();
    script.awaitSince(mark, "EVENT {\"event\":\"stats\"", 10);
    script.send("disconnect");
    assertEquals("WS-CLOSING 1000 Client disconnecting", script.awaitSince(mark, "WS-CLOSING", 10));
    assertEquals("WS-CLOSE 1000 Client disconnecting", script.awaitSince(mark, "WS-CLOSE ", 10),
      "the server answered the close with 1000");
    assertEquals(connection, next(status, state("connection-closed")).getString("connection"));
    // A reconnect would come 2–3 s after the close (modrinth.md §9): watch for 4 s.
    vertx.timer(4, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    assertEquals(1, script.linesSince(0, "WS-OPEN").size(), script.transcript());
    assertTrue(status.stream().noneMatch(state("connection-opened")), "no socket was opened again: " + status);
    script.send("status");
    assertEquals("STATUS null", script.awaitSince(0, "STATUS", 5));
  }

  @Test
  void aCloseOtherThan1000MakesTheClientReconnectWithTheSameToken(Vertx vertx) throws Exception {
    // a command past maxMessageBytes: the layer closes the socket with 1009
    GamebusNode node = start(vertx, new JsonObject(), new JsonObject().put("maxMessageBytes", 4096));
    NodeScript script = client(node, API_TOKEN);
    String first = connect(script);
    String firstAuth = script.awaitSince(0, "WS-AUTH ", 5);
    int mark = script.lineCount();
    script.send("send {\"event\":\"command\",\"cmd\":\"say " + "x".repeat(5000) + "\"}");
    String close = script.awaitSince(mark, "WS-CLOSE", 10);
    // Node 20's WebSocket may report 1006 when the close frame arrives among stats frames; the
    // status gamebus sent is asserted on its side.
    assertTrue(close.startsWith("WS-CLOSE 1009") || close.startsWith("WS-CLOSE 1006"), close);
    JsonObject closed = next(status, state("connection-closed"));
    assertTrue(String.valueOf(closed.getString("detail")).startsWith("closed by gamebus, status 1009"), closed.encode());
    script.awaitSince(mark, "WS-OPEN", 15);
    assertEquals(firstAuth, script.awaitSince(mark, "WS-AUTH ", 10), "§9: a reconnect reuses the old token");
    script.awaitSince(mark, "EVENT {\"event\":\"auth-ok\"", 10);
    assertEquals(List.of(), script.linesSince(mark, "HTTP GET"), "no new token was fetched");
    JsonObject again = next(status, state("authenticated"));
    assertNotEquals(first, again.getString("connection"), "a new socket");
    script.awaitSince(script.lineCount(), "EVENT {\"event\":\"stats\"", 10);
  }

  /**
   * A node that stops closes with 1001: the client retries every 2–3 s with its old token. With
   * one configured signing key the restarted node takes that token back at once.
   */
  @Test
  void aRestartedNodeWithAConfiguredKeyTakesTheOldTokenBack(Vertx vertx) throws Exception {
    Path key = Files.writeString(dir.resolve("modrinth-jwt-key"), "a-signing-key-of-at-least-32-bytes-for-hs256");
    JsonObject endpoint = endpoint(new JsonObject());
    endpoint.getJsonObject("auth").put("keyFile", key.toString());
    Restarted restarted = restartUnderAClient(vertx, endpoint);
    NodeScript script = restarted.script();
    int mark = restarted.mark();
    assertEquals(restarted.firstAuth(), script.awaitSince(mark, "WS-AUTH ", 20), "§9: the reconnect reuses the old token");
    script.awaitSince(mark, "EVENT {\"event\":\"auth-ok\"", 10);
    assertEquals(List.of(), script.linesSince(mark, "EVENT {\"event\":\"auth-incorrect\""));
    assertEquals(List.of(), script.linesSince(mark, "HTTP GET"), "no new token was needed");
    script.awaitSince(script.lineCount(), "EVENT {\"event\":\"stats\"", 10);
  }

  /**
   * With the ephemeral key (none configured) the restarted node refuses the old token with
   * {@code auth-incorrect}, and the official client fetches a new one and authenticates on the same socket.
   */
  @Test
  void aRestartedNodeWithAnEphemeralKeyIsJoinedWithAFreshToken(Vertx vertx) throws Exception {
    Restarted restarted = restartUnderAClient(vertx, endpoint(new JsonObject()));
    NodeScript script = restarted.script();
    int reopened = script.lineCount();
    script.awaitSince(reopened, "WS-OPEN", 20);
    assertEquals(restarted.firstAuth(), script.awaitSince(reopened, "WS-AUTH ", 10));
    script.awaitSince(reopened, "EVENT {\"event\":\"auth-incorrect\"", 10);
    assertTrue(script.awaitSince(reopened, "HTTP GET /modrinth/v0/servers/demo/ws", 10).endsWith(" 200"));
    script.awaitSince(reopened, "EVENT {\"event\":\"auth-ok\"", 10);
    assertEquals(2, script.linesSince(reopened, "WS-AUTH ").size(), "the fresh token on the same socket");
    assertEquals(1, script.linesSince(reopened, "WS-OPEN").size(), script.transcript());
    script.awaitSince(script.lineCount(), "EVENT {\"event\":\"stats\"", 10);
  }

  /** A connected client, the fingerprint of its first token, and the line mark taken before the restart. */
  record Restarted(NodeScript script, String firstAuth, int mark) {
  }

  /**
   * Starts a node and a connected client, then stops the node (the client sees 1001) and starts an
   * equal one on the same port.
   */
  Restarted restartUnderAClient(Vertx vertx, JsonObject endpoint) throws Exception {
    GamebusNode node = start(vertx, endpoint);
    NodeScript script = client(node, API_TOKEN);
    connect(script);
    Restarted restarted = new Restarted(script, script.awaitSince(0, "WS-AUTH ", 5), script.lineCount());
    int port = java.net.URI.create(node.modrinthServer("survival").archonBaseUrl()).getPort();
    node.stop().await(10, TimeUnit.SECONDS);
    endpoint.getJsonArray("listeners").getJsonObject(0).put("port", port);
    start(vertx, endpoint);
    assertTrue(script.awaitSince(restarted.mark(), "WS-CLOSE ", 10).startsWith("WS-CLOSE 1001"), script.transcript());
    return restarted;
  }
}
