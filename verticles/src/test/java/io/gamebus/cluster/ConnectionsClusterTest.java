package io.gamebus.cluster;

import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.config.GamebusConfig;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.launcher.VertxFactory;
import io.gamebus.support.FafPorts;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Two Hazelcast members in one JVM, both running the FAF endpoint "lobby": {@code .connections}
 * asked on either node lists the connections of both, and {@code .close} asked on node B closes a
 * connection that node A accepted.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConnectionsClusterTest {

  @TempDir
  Path dir;
  Vertx a;
  Vertx b;

  @AfterEach
  void close() throws Exception {
    for (Vertx v : new Vertx[] {b, a}) {
      if (v != null) {
        v.close().await(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void everyNodesConnectionsAreListedAndClosedFromAnyNode() throws Exception {
    Tokens tokens = new Tokens(Vertx.vertx(), dir);
    GamebusConfig plain = TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile()));
    GamebusConfig config = GamebusConfig.fromJson(plain.toJson().put("cluster", new JsonObject().put("enabled", true)));
    a = VertxFactory.create(config).await(90, TimeUnit.SECONDS);
    b = VertxFactory.create(config).await(90, TimeUnit.SECONDS);
    GamebusNode nodeA = GamebusNode.start(a, config).await(20, TimeUnit.SECONDS);
    GamebusNode nodeB = GamebusNode.start(b, config).await(20, TimeUnit.SECONDS);

    FafTestClient onA = FafTestClient.tcp(a, FafPorts.port(nodeA, "lobby", "tcp")).await(5, TimeUnit.SECONDS);
    FafTestClient onB = FafTestClient.tcp(b, FafPorts.port(nodeB, "lobby", "tcp")).await(5, TimeUnit.SECONDS);
    for (FafTestClient client : new FafTestClient[] {onA, onB}) {
      client.send(FafMessage.command("ask_session").with("user_agent", "cluster"));
      client.next("session").await(5, TimeUnit.SECONDS);
    }

    for (Vertx asked : new Vertx[] {a, b}) {
      JsonObject listing = asked.eventBus().<JsonObject>request("gamebus.faf.lobby.connections", null)
        .await(20, TimeUnit.SECONDS).body();
      assertEquals(Set.of(nodeA.nodeId(), nodeB.nodeId()), nodes(listing.getJsonArray("connections")), listing.encodePrettily());
      assertEquals(new JsonArray(), listing.getJsonArray("unreachable"));
    }

    JsonObject listing = b.eventBus().<JsonObject>request("gamebus.faf.lobby.connections", null).await(20, TimeUnit.SECONDS).body();
    String ownedByA = listing.getJsonArray("connections").stream().map(JsonObject.class::cast)
      .filter(r -> r.getString("node").equals(nodeA.nodeId())).findFirst().orElseThrow().getString("connection");
    JsonObject closed = b.eventBus().<JsonObject>request("gamebus.faf.lobby.close", null,
      new DeliveryOptions().addHeader(Gamebus.CONNECTION_HEADER, ownedByA)).await(20, TimeUnit.SECONDS).body();
    assertEquals(new JsonObject().put("closed", 1), closed);
    onA.closed().await(10, TimeUnit.SECONDS);
    JsonObject after = b.eventBus().<JsonObject>request("gamebus.faf.lobby.connections", null).await(20, TimeUnit.SECONDS).body();
    assertEquals(Set.of(nodeB.nodeId()), nodes(after.getJsonArray("connections")), after.encodePrettily());

    ReplyException again = assertThrows(ReplyException.class, () -> b.eventBus().request("gamebus.faf.lobby.close", null,
      new DeliveryOptions().addHeader(Gamebus.CONNECTION_HEADER, ownedByA)).await(20, TimeUnit.SECONDS));
    assertEquals(404, again.failureCode(), again.getMessage());
  }

  private static Set<String> nodes(JsonArray rows) {
    return rows.stream().map(r -> ((JsonObject) r).getString("node")).collect(Collectors.toSet());
  }
}
