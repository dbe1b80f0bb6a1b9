package io.gamebus.cluster;

import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.config.GamebusConfig;
import io.gamebus.endpoint.EndpointRegistry;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.launcher.VertxFactory;
import io.gamebus.support.Eventually;
import io.gamebus.support.FafPorts;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Found by the reliability battery: after a node died, {@code .out} to one of its connections hung
 * and the endpoint listing named the dead node for ~29 s (its entry's time to live). Node B here
 * goes away without saying goodbye (its Vert.x closes; its gamebus entry stays in the shared map,
 * as after a crash); the waits below are far shorter than that time to live.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NodeDeathTest {

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
  void outToAConnectionOfADeadNodeFailsFastAndTheListingForgetsIt() throws Exception {
    Tokens tokens = new Tokens(Vertx.vertx(), dir);
    GamebusConfig config = GamebusConfig.fromJson(TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile()))
      .toJson().put("cluster", new JsonObject().put("enabled", true)));
    a = VertxFactory.create(config).await(90, TimeUnit.SECONDS);
    b = VertxFactory.create(config).await(90, TimeUnit.SECONDS);
    GamebusNode.start(a, config).await(20, TimeUnit.SECONDS);
    GamebusNode nodeB = GamebusNode.start(b, config).await(20, TimeUnit.SECONDS);

    CompletableFuture<Envelope> seen = new CompletableFuture<>();
    Gamebus.of(a).subscribe("faf", "lobby", "ask_session", seen::complete).completion().await(20, TimeUnit.SECONDS);
    FafTestClient client = FafTestClient.tcp(b, FafPorts.port(nodeB, "lobby", "tcp")).await(5, TimeUnit.SECONDS);
    client.send(FafMessage.command("ask_session").with("user_agent", "doomed"));
    String connection = seen.get(20, TimeUnit.SECONDS).connection();
    Eventually.until(a, 200, () -> listing(a).map(l -> l.encode().contains(nodeB.nodeId())))
      .await(20, TimeUnit.SECONDS); // both nodes listed while alive

    b.close().await(30, TimeUnit.SECONDS);
    b = null;

    // Gone from the listing, neither listed nor "unreachable", well within the 30 s time to live.
    Eventually.until(a, 200, () -> listing(a).map(l -> !l.encode().contains(nodeB.nodeId())))
      .await(EndpointRegistry.DEAD_AFTER_MS + 8_000, TimeUnit.MILLISECONDS);
    Exception e = assertThrows(Exception.class, () -> Gamebus.of(a).send("faf", "lobby", connection,
      new JsonObject().put("command", "notice").put("text", "too late")).await(5, TimeUnit.SECONDS));
    ReplyException failure = (ReplyException) (e instanceof ReplyException ? e : e.getCause());
    assertEquals(404, failure.failureCode(), failure.getMessage());
    assertTrue(failure.getMessage().contains("has left the cluster"), failure.getMessage());
  }

  private static Future<JsonObject> listing(Vertx vertx) {
    return vertx.eventBus().<JsonObject>request("gamebus.endpoints", null).map(m -> m.body());
  }
}
