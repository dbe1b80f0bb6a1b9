package io.gamebus.modrinth;

import io.gamebus.bus.BusError;
import io.gamebus.codecs.modrinth.ModrinthEvents;
import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.Eventually;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client role against our own server role ("hosting"): handshake, events both ways, power, renewal, drops. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class ModrinthClientEndpointTest {

  static final String API_TOKEN = "mrp_test_api_token";

  Vertx vertx;
  Gamebus gamebus;
  GamebusNode server;
  String archonBaseUrl;
  String tokenFile;
  final List<Envelope> serverIn = new CopyOnWriteArrayList<>();
  final List<Envelope> clientIn = new CopyOnWriteArrayList<>();
  final List<JsonObject> clientStatus = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dir) throws Exception {
    this.vertx = vertx;
    gamebus = Gamebus.of(vertx);
    tokenFile = new Tokens(vertx, dir).tokenFile(dir, API_TOKEN);
    gamebus.subscribe("modrinth", "hosting", serverIn::add);
    gamebus.subscribe("modrinth", "remote", clientIn::add);
    gamebus.statuses("modrinth", "remote", clientStatus::add);
  }

  private void startServer(JsonObject options) throws Exception {
    server = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.modrinthServer("hosting", tokenFile, options)))
      .await(10, TimeUnit.SECONDS);
    archonBaseUrl = server.modrinthServer("hosting").archonBaseUrl();
  }

  private GamebusNode startClient(String tokenFile) throws Exception {
    return GamebusNode.start(vertx, TestConfigs.node(TestConfigs.modrinthClient("remote", archonBaseUrl, tokenFile,
      new JsonObject().put("serverId", "demo")))).await(10, TimeUnit.SECONDS);
  }

  private Envelope awaitClientEvent(String event, int count) {
    return Eventually.value(() -> clientIn.stream().filter(e -> e.type().equals(event)).skip(count - 1).findFirst().orElse(null),
      "client .in " + event + " #" + count + " in " + clientIn);
  }

  private Envelope awaitServerEvent(String event, int count) {
    return Eventually.value(() -> serverIn.stream().filter(e -> e.type().equals(event)).skip(count - 1).findFirst().orElse(null),
      "server .in " + event + " #" + count + " in " + serverIn);
  }

  private ReplyException failure(Future<?> call) {
    Exception e = assertThrows(Exception.class, () -> call.await(15, TimeUnit.SECONDS));
    return (ReplyException) (e instanceof ReplyException ? e : e.getCause());
  }

  @Test
  void theHandshakeAuthenticatesAndEventsTravelBothWays() throws Exception {
    startServer(new JsonObject());
    startClient(tokenFile);
    Envelope ok = awaitClientEvent("auth-ok", 1);
    assertEquals("demo", ok.body().getString("server"));
    Envelope auth = awaitServerEvent("auth", 1);
    assertFalse(auth.body().encode().contains(".ey"), "the jwt never reaches the bus: " + auth.body());

    // Server → client: an event for server id demo reaches the client's .in as its type.
    JsonObject stats = ModrinthEvents.stats(12.5, 1024, 4096, 10, 100, 7, 8);
    vertx.eventBus().request("gamebus.modrinth.hosting.out", stats,
      new DeliveryOptions().addHeader(ModrinthServerEndpoint.SERVER_HEADER, "demo")).await(5, TimeUnit.SECONDS);
    Envelope received = awaitClientEvent("stats", 1);
    assertEquals(12.5, received.body().getDouble("cpu_percent"));

    // Client → server: a console command through the client's .out.
    JsonObject written = gamebus.broadcast("modrinth", "remote", new JsonObject().put("event", "command").put("cmd", "say hi"))
      .await(5, TimeUnit.SECONDS);
    assertEquals(1, written.getInteger("written"));
    Envelope command = awaitServerEvent("command", 1);
    assertEquals("say hi", command.body().getString("cmd"));
    assertEquals(auth.connection(), command.connection(), "the command came on the authenticated socket");
  }

  @Test
  void outRefusesAuthAndServerEventsAndWrongShapesAndAnswers503WhenNotConnected() throws Exception {
    startServer(new JsonObject());
    // No client endpoint connected yet: a wrong Modrinth token keeps the link down.
    startClient(new Tokens(vertx, Path.of(tokenFile).getParent()).tokenFile(Path.of(tokenFile).getParent(), "mrp_not_the_api_token"));
    JsonObject failed = Eventually.value(() -> clientStatus.stream()
      .filter(s -> String.valueOf(s.getString("detail")).contains("answered 401")).findFirst().orElse(null), "a 401 on .status");
    assertTrue(failed.getString("detail").contains("token endpoint answered 401"), failed.encode());
    assertFalse(failed.encode().contains("mrp_not"), "the token is never published: " + failed);
    assertEquals(BusError.NOT_CONNECTED.code(), failure(gamebus.broadcast("modrinth", "remote",
      new JsonObject().put("event", "command").put("cmd", "list"))).failureCode());
    assertTrue(serverIn.isEmpty(), "no socket was opened without a token: " + serverIn);
  }

  @Test
  void outChecksWhatAClientMaySend() throws Exception {
    startServer(new JsonObject());
    startClient(tokenFile);
    awaitClientEvent("auth-ok", 1);
    assertEquals(400, failure(gamebus.broadcast("modrinth", "remote", new JsonObject().put("event", "auth").put("jwt", "x")))
      .failureCode());
    assertEquals(400, failure(gamebus.broadcast("modrinth", "remote", new JsonObject().put("event", "stats")
      .put("cpu_percent", 1))).failureCode(), "a server event is not the client's to send");
    assertEquals(400, failure(gamebus.broadcast("modrinth", "remote", new JsonObject().put("event", "command")
      .put("cmd", 42))).failureCode(), "a command's cmd is a string");
    gamebus.broadcast("modrinth", "remote", new JsonObject().put("event", "future-event").put("x", 1)).await(5, TimeUnit.SECONDS);
    assertEquals(1, awaitServerEvent("future-event", 1).body().getInteger("x"), "unknown events pass through");
  }

  @Test
  void powerRequestsCallTheRestEndpointAndReplyWithItsOutcome() throws Exception {
    startServer(new JsonObject());
    startClient(tokenFile);
    awaitClientEvent("auth-ok", 1);
    // No handle.power on the server: 204.
    assertEquals(204, gamebus.request("modrinth", "remote", new JsonObject().put("power", "Restart"))
      .await(10, TimeUnit.SECONDS).getInteger("status"));
    Envelope power = awaitServerEvent("power", 1);
    assertEquals("Restart", power.body().getString("action"));
    assertEquals("demo", power.body().getString("server"));

    // A handler that refuses: its code and text come back to the requester.
    gamebus.handle("modrinth", "hosting", "power", call ->
      Future.failedFuture(new ReplyException(io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE, 409, "already stopping")))
      .await(5, TimeUnit.SECONDS);
    ReplyException refused = failure(gamebus.request("modrinth", "remote", new JsonObject().put("power", "Stop")));
    assertEquals(409, refused.failureCode());
    assertEquals("already stopping", refused.getMessage());

    assertEquals(400, failure(gamebus.request("modrinth", "remote", new JsonObject().put("power", "Explode"))).failureCode());
  }

  @Test
  void anExpiringTokenIsRenewedOnTheSameSocket() throws Exception {
    // Tokens live 10 s and auth-expiring comes 9 s early: the first renewal is due after about a second.
    startServer(new JsonObject().put("tokenLifetimeSeconds", 10).put("renewBeforeSeconds", 9));
    startClient(tokenFile);
    Envelope first = awaitClientEvent("auth-ok", 1);
    Envelope expiring = awaitClientEvent("auth-expiring", 1);
    Envelope second = awaitClientEvent("auth-ok", 2);
    assertEquals(first.connection(), expiring.connection());
    assertEquals(first.connection(), second.connection(), "renewed on the same socket, not by reconnecting");
    List<Envelope> auths = List.of(awaitServerEvent("auth", 1), awaitServerEvent("auth", 2));
    assertEquals(auths.get(0).connection(), auths.get(1).connection());
    assertTrue(clientStatus.stream().noneMatch(s -> "connection-closed".equals(s.getString("state"))), clientStatus.toString());
    assertNull(clientIn.stream().filter(e -> e.type().equals("auth-incorrect")).findFirst().orElse(null),
      "client " + clientIn + " server " + serverIn + " status " + clientStatus);
  }

  @Test
  void aDroppedSocketIsReopenedWithAFreshTokenAndAStoppedClientClosesWith1000() throws Exception {
    startServer(new JsonObject());
    GamebusNode client = startClient(tokenFile);
    Envelope first = awaitClientEvent("auth-ok", 1);
    server.modrinthServer("hosting").dropConnections(1011).await(5, TimeUnit.SECONDS);
    Envelope again = awaitClientEvent("auth-ok", 2);
    assertNotEquals(first.connection(), again.connection(), "a new socket after the drop");
    assertEquals(2, serverIn.stream().filter(e -> e.type().equals("auth")).count());

    // A deliberate stop: the server sees a normal close (1000), which the official client never retries.
    Promise<JsonObject> closed = Promise.promise();
    gamebus.statuses("modrinth", "hosting", s -> {
      if ("connection-closed".equals(s.getString("state"))) {
        closed.tryComplete(s);
      }
    });
    client.stop().await(10, TimeUnit.SECONDS);
    JsonObject disconnected = closed.future().await(10, TimeUnit.SECONDS);
    assertEquals("closed by the peer, status 1000 (Client disconnecting)", disconnected.getString("detail"), disconnected.encode());
  }
}
