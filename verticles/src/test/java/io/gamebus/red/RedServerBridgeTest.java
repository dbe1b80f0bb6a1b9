package io.gamebus.red;

import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.NodeScript;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official {@code @vertx/eventbus-bridge-client.js} ({@code bridge-client.mjs}) subscribed to
 * {@code gamebus.red.bot.in} sees the calls an npm JSON-RPC client makes, and notifies that client
 * through {@code .out}.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class RedServerBridgeTest {

  @Test
  void theBridgeClientSeesTheCallsAndNotifiesThroughOut(Vertx vertx) throws Exception {
    GamebusNode node = RedServerNpmClientTest.start(vertx);
    try (NodeScript client = RedServerNpmClientTest.client(node);
         NodeScript bridge = NodeScript.start("bridge-client.mjs", "--url", node.console().url() + "eventbus",
           "--address", "gamebus.red.bot.in", "--expect-type", "TEST__GREET",
           "--send-address", "gamebus.red.bot.out",
           "--send-body", "{\"method\":\"FAF__GAME_INFO\",\"params\":{\"from\":\"the browser\"}}")) {
      bridge.awaitLine("READY", 30);
      client.send(new JsonObject().put("tag", "sub").put("subscribe", "FAF__GAME_INFO").encode());
      client.awaitLine("RESULT sub", 10);
      // READY means the register frame was sent, not yet applied: call until the bridge sees one
      String message = null;
      for (int attempt = 0; attempt < 40 && message == null; attempt++) {
        client.send(RedServerNpmClientTest.call("greet" + attempt, "TEST__GREET", new JsonArray().add("Eve")));
        for (String seen; message == null && (seen = bridge.pollLine("MESSAGE ", 500)) != null; ) {
          String type = new JsonObject(seen.substring("MESSAGE ".length())).getString("type");
          message = "TEST__GREET".equals(type) ? seen : null;
        }
      }
      assertTrue(message != null, bridge.transcript());
      JsonObject envelope = new JsonObject(message.substring("MESSAGE ".length()));
      assertEquals("red", envelope.getString("protocol"));
      assertEquals("bot", envelope.getString("endpoint"));
      JsonObject body = envelope.getJsonObject("body");
      assertEquals("TEST__GREET", body.getString("method"));
      assertEquals(new JsonArray().add("Eve"), body.getJsonArray("params"));
      assertTrue(envelope.getString("connection") != null, message);
      assertTrue(bridge.awaitLine("REPLY", 10).contains("\"written\":1"), bridge.transcript());
      assertEquals(0, bridge.awaitExit(10), bridge.transcript());
      assertEquals("NOTIFY FAF__GAME_INFO {\"from\":\"the browser\"}", client.awaitLine("NOTIFY", 10));
    }
  }
}
