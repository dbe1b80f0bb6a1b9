package io.gamebus.cluster;

import io.gamebus.support.FafPorts;
import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.config.GamebusConfig;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.launcher.VertxFactory;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Hazelcast cluster members in one JVM (TCP-IP on 127.0.0.1, no multicast, no phone-home):
 * envelopes cross nodes, a {@code .out} with a connection header reaches the owning node even
 * when both nodes run an endpoint of that name, and {@code gamebus.endpoints} lists both nodes.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterTest {

  @TempDir
  Path dir;
  Vertx a;
  Vertx b;
  Tokens secretTokens;

  @AfterEach
  void close() throws Exception {
    for (Vertx v : new Vertx[] {b, a}) {
      if (v != null) {
        v.close().await(30, TimeUnit.SECONDS);
      }
    }
  }

  private static GamebusConfig clustered(GamebusConfig config) {
    return GamebusConfig.fromJson(config.toJson().put("cluster", new JsonObject().put("enabled", true)));
  }

  @Test
  void messagesConnectionsAndListingsWorkAcrossNodes() throws Exception {
    secretTokens = new Tokens(Vertx.vertx(), dir);
    GamebusConfig config = clustered(TestConfigs.node(TestConfigs.fafServer("lobby", secretTokens.secretFile())));
    a = VertxFactory.create(config).await(90, TimeUnit.SECONDS);
    b = VertxFactory.create(config).await(90, TimeUnit.SECONDS);
    GamebusNode nodeA = GamebusNode.start(a, config).await(20, TimeUnit.SECONDS);
    GamebusNode nodeB = GamebusNode.start(b, config).await(20, TimeUnit.SECONDS);
    assertNotEquals(nodeA.nodeId(), nodeB.nodeId());

    // A subscriber on node B sees what node A decodes.
    CompletableFuture<Envelope> seenOnB = new CompletableFuture<>();
    // Completes once the subscription is in the cluster registry.
    Gamebus.of(b).subscribe("faf", "lobby", "ask_session", seenOnB::complete).completion().await(20, TimeUnit.SECONDS);

    int portA = FafPorts.port(nodeA, "lobby", "tcp");
    FafTestClient client = FafTestClient.tcp(a, portA).await(5, TimeUnit.SECONDS);
    client.send(FafMessage.command("ask_session").with("user_agent", "cluster"));
    client.next("session").await(5, TimeUnit.SECONDS);
    Envelope envelope = seenOnB.get(20, TimeUnit.SECONDS);
    assertEquals("cluster", envelope.body().getString("user_agent"));
    assertTrue(envelope.connection().startsWith(nodeA.nodeId() + "-"), envelope.connection());

    // Sent from node B to a connection owned by node A, several times: every one must arrive,
    // whichever node's "lobby" endpoint picks up the send.
    for (int i = 0; i < 4; i++) {
      JsonObject ack = Gamebus.of(b).send("faf", "lobby", envelope.connection(),
        new JsonObject().put("command", "notice").put("style", "info").put("text", "from b " + i))
        .await(20, TimeUnit.SECONDS);
      assertEquals(1, ack.getInteger("written"));
      assertEquals("from b " + i, client.next("notice").await(10, TimeUnit.SECONDS).getString("text"));
    }

    // A broadcast from node B reaches the logged-in players of both nodes.
    int portB = FafPorts.port(nodeB, "lobby", "tcp");
    for (int[] player : new int[][] {{portA, 1}, {portB, 2}}) {
      FafTestClient p = FafTestClient.tcp(a, player[0]).await(5, TimeUnit.SECONDS);
      p.send(FafMessage.command("auth").with("unique_id", "u").with("token", secretTokens.lobby(player[1], "p" + player[1])));
      p.next("game_info").await(10, TimeUnit.SECONDS);
    }
    JsonObject everyone = Gamebus.of(b).broadcast("faf", "lobby", new JsonObject().put("command", "notice").put("text", "all"))
      .await(20, TimeUnit.SECONDS);
    assertEquals(2, everyone.getInteger("written"), "one player on each node");

    // A DFHack method handler registered on node B answers a call that arrives on node A.
    GamebusNode fortress = GamebusNode.start(a, clustered(TestConfigs.node(new JsonObject()
      .put("protocol", "dfhack").put("name", "fortress").put("role", "server")
      .put("listeners", new JsonArray().add(new JsonObject().put("transport", "tcp").put("port", 0)))))).await(20, TimeUnit.SECONDS);
    io.gamebus.dfhack.DfhackHandlers.method(b, "fortress", io.gamebus.codecs.dfhack.CoreMethods.RFR_GET_PAUSE_STATE,
      call -> io.vertx.core.Future.succeededFuture(io.gamebus.dfhack.DfhackReply.ok()
        .output(new JsonObject().put("Value", true)))).await(20, TimeUnit.SECONDS);
    io.gamebus.support.DfhackRawClient dfhack = io.gamebus.support.DfhackRawClient.connect(a,
      URI.create(fortress.dfhackServer("fortress").listening().get(0)).getPort()).await(5, TimeUnit.SECONDS);
    dfhack.write(io.gamebus.codecs.dfhack.Handshake.request())
      .write(io.gamebus.codecs.dfhack.RpcEncoder.request(0, io.gamebus.codecs.dfhack.CoreMethods.RFR_GET_PAUSE_STATE.toBindRequest()));
    int id = io.gamebus.codecs.dfhack.proto.CoreBindReply.parseFrom(dfhack.next().await(10, TimeUnit.SECONDS).payload().getBytes())
      .getAssignedId();
    dfhack.write(io.gamebus.codecs.dfhack.RpcEncoder.request(id, io.vertx.core.buffer.Buffer.buffer()));
    assertTrue(io.gamebus.codecs.dfhack.proto.rfr.SingleBool.parseFrom(dfhack.next().await(10, TimeUnit.SECONDS)
      .payload().getBytes()).getValue(), "answered by the handler on the other node");

    JsonObject listing = b.eventBus().<JsonObject>request("gamebus.endpoints", null).await(20, TimeUnit.SECONDS).body();
    JsonArray endpoints = listing.getJsonArray("endpoints");
    assertEquals(3, endpoints.size(), listing.encodePrettily());
    assertEquals(3L, endpoints.stream().map(e -> ((JsonObject) e).getString("node")).distinct().count(), listing.encode());
  }
}
