package io.gamebus.endpoint;

import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafPorts;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
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

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code .connections} and {@code .close} on a FAF server endpoint of one node: rows with peer,
 * player, since and message counts; a close that the peer sees and {@code .status} announces;
 * clear failures for an unknown connection and a missing header.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class ConnectionsChannelTest {

  @TempDir
  Path dir;

  @Test
  void listsTheOpenConnectionsAndClosesOneThroughTheBus(Vertx vertx) throws Exception {
    Tokens tokens = new Tokens(vertx, dir);
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile())))
      .await(10, TimeUnit.SECONDS);
    long before = System.currentTimeMillis();
    FafTestClient player = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(5, TimeUnit.SECONDS);
    player.send(FafMessage.command("auth").with("unique_id", "u").with("token", tokens.lobby(7, "alice")));
    player.next("game_info").await(10, TimeUnit.SECONDS);
    FafTestClient anonymous = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(5, TimeUnit.SECONDS);
    anonymous.send(FafMessage.command("ask_session").with("user_agent", "t"));
    anonymous.next("session").await(5, TimeUnit.SECONDS);

    JsonObject listing = connections(vertx);
    JsonArray rows = listing.getJsonArray("connections");
    assertEquals(2, rows.size(), listing.encodePrettily());
    assertEquals(new JsonArray(), listing.getJsonArray("unreachable"));
    assertEquals(2, listing.getInteger("total"));
    JsonObject one = vertx.eventBus().<JsonObject>request("gamebus.faf.lobby.connections", new JsonObject().put("limit", 1))
      .await(10, TimeUnit.SECONDS).body();
    assertEquals(1, one.getJsonArray("connections").size(), one.encode());
    assertEquals(2, one.getInteger("total"), "total counts them all");
    JsonObject alice = row(rows, r -> r.containsKey("player"));
    JsonObject other = row(rows, r -> !r.containsKey("player"));
    assertEquals(new JsonObject().put("id", 7).put("login", "alice"), alice.getJsonObject("player"));
    assertEquals(node.nodeId(), alice.getString("node"));
    assertEquals("tcp", alice.getString("transport"));
    assertTrue(alice.getString("peer").startsWith("127.0.0.1:"), alice.encode());
    assertTrue(alice.getLong("since") >= before && alice.getLong("since") <= System.currentTimeMillis(), alice.encode());
    assertEquals(1L, alice.getLong("in"), "the auth message: " + alice.encode());
    assertEquals(1L, other.getLong("in"), other.encode());

    // Messages written to each: the login sequence (irc_password, welcome, player_info, social,
    // game_info), and the session answer.
    assertEquals(5L, alice.getLong("sent"), alice.encode());
    assertEquals(1L, other.getLong("sent"), other.encode());

    CompletableFuture<JsonObject> announced = new CompletableFuture<>();
    vertx.eventBus().<JsonObject>consumer("gamebus.faf.lobby.status", m -> {
      if ("connection-closed".equals(m.body().getString("state"))) {
        announced.complete(m.body());
      }
    }).completion().await(5, TimeUnit.SECONDS);
    JsonObject closed = close(vertx, alice.getString("connection"), new JsonObject().put("reason", "cheating"));
    assertEquals(new JsonObject().put("closed", 1), closed);
    player.closed().await(10, TimeUnit.SECONDS);
    JsonObject status = announced.get(10, TimeUnit.SECONDS);
    assertEquals(alice.getString("connection"), status.getString("connection"));
    assertEquals("closed by gamebus, status 1000 (closed by an operator: cheating)", status.getString("detail"));
    assertEquals(1, connections(vertx).getJsonArray("connections").size());

    ReplyException gone = assertThrows(ReplyException.class, () -> close(vertx, alice.getString("connection"), null));
    assertEquals(404, gone.failureCode());
    assertTrue(gone.getMessage().startsWith("unknown_connection: "), gone.getMessage());
    ReplyException noHeader = assertThrows(ReplyException.class, () -> vertx.eventBus()
      .request("gamebus.faf.lobby.close", null).await(10, TimeUnit.SECONDS));
    assertEquals(400, noHeader.failureCode());
    assertTrue(anonymous.pending() >= 0 && !anonymous.isClosed(), "the other connection stays open");
  }

  @Test
  void aBroadcastCountsAsSentForEveryConnectionThatTookIt(Vertx vertx) throws Exception {
    Tokens tokens = new Tokens(vertx, dir);
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile())))
      .await(10, TimeUnit.SECONDS);
    FafTestClient player = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(5, TimeUnit.SECONDS);
    player.send(FafMessage.command("auth").with("unique_id", "u").with("token", tokens.lobby(7, "alice")));
    player.next("game_info").await(10, TimeUnit.SECONDS);
    JsonObject before = connections(vertx).getJsonArray("connections").getJsonObject(0);

    // .out without a connection header: one broadcast to every logged-in connection.
    JsonObject written = vertx.eventBus().<JsonObject>request("gamebus.faf.lobby.out",
      new JsonObject().put("command", "notice").put("style", "info").put("text", "to all")).await(10, TimeUnit.SECONDS).body();
    assertEquals(1, written.getInteger("written"), written.encode());
    player.next("notice").await(10, TimeUnit.SECONDS);

    JsonObject after = connections(vertx).getJsonArray("connections").getJsonObject(0);
    assertEquals(before.getLong("sent") + 1, after.getLong("sent"), "the broadcast reached it: " + after.encode());
  }

  @Test
  void theLimitIsBounded() {
    assertEquals(ConnectionsChannel.MAX_ROWS, ConnectionsChannel.limit(null));
    assertEquals(ConnectionsChannel.MAX_ROWS, ConnectionsChannel.limit(new JsonObject().put("limit", "5")));
    assertEquals(ConnectionsChannel.MAX_ROWS, ConnectionsChannel.limit(new JsonObject().put("limit", 1L << 40)));
    assertEquals(0, ConnectionsChannel.limit(new JsonObject().put("limit", -3)));
    assertEquals(7, ConnectionsChannel.limit(new JsonObject().put("limit", 7)));
  }

  @Test
  void aReasonIsCutAndTheDefaultSaysWho() {
    assertEquals("closed by an operator", ConnectionsChannel.reason(null));
    assertEquals("closed by an operator", ConnectionsChannel.reason(new JsonObject().put("reason", "  ")));
    assertEquals("closed by an operator", ConnectionsChannel.reason(new JsonObject().put("reason", 5)));
    String cut = ConnectionsChannel.reason(new JsonObject().put("reason", "x".repeat(200)));
    assertEquals("closed by an operator: " + "x".repeat(ConnectionsChannel.MAX_REASON_CHARS) + "…", cut);
  }

  private static JsonObject connections(Vertx vertx) throws Exception {
    return vertx.eventBus().<JsonObject>request("gamebus.faf.lobby.connections", null).await(10, TimeUnit.SECONDS).body();
  }

  private static JsonObject close(Vertx vertx, String connection, JsonObject body) throws Exception {
    return vertx.eventBus().<JsonObject>request("gamebus.faf.lobby.close", body,
      new DeliveryOptions().addHeader(Gamebus.CONNECTION_HEADER, connection)).await(10, TimeUnit.SECONDS).body();
  }

  private static JsonObject row(JsonArray rows, java.util.function.Predicate<JsonObject> which) {
    return rows.stream().map(JsonObject.class::cast).filter(which).findFirst()
      .orElseThrow(() -> new AssertionError(rows.encodePrettily()));
  }
}
