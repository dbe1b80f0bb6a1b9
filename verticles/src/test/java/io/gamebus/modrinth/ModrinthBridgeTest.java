package io.gamebus.modrinth;

import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.NodeScript;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official {@code @vertx/eventbus-bridge-client.js} ({@code bridge-client.mjs}) subscribed to
 * {@code gamebus.modrinth.survival.in} sees what the official {@code @modrinth/api-client}
 * ({@code modrinth-client.mjs}) sends, and writes back to it through {@code .out}.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class ModrinthBridgeTest {

  @TempDir
  Path dir;

  GamebusNode start(Vertx vertx) throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("modrinth-api-token"), ModrinthOfficialClientTest.API_TOKEN);
    return GamebusNode.start(vertx, TestConfigs.node(TestConfigs.modrinthServer("survival", tokenFile.toString(),
      new JsonObject().put("exampleServer", true)))).await(10, TimeUnit.SECONDS);
  }

  NodeScript modrinthClient(GamebusNode node) throws Exception {
    NodeScript client = NodeScript.start(ModrinthOfficialClientTest.NODE_OPTIONS, "modrinth-client.mjs",
      "--base-url", node.modrinthServer("survival").archonBaseUrl(), "--token", ModrinthOfficialClientTest.API_TOKEN);
    client.awaitSince(0, "READY", 30);
    return client;
  }

  /** bridge-client.mjs subscribed to the endpoint's {@code .in}, once its register frame is sent. */
  static NodeScript bridge(GamebusNode node, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--url", node.console().url() + "eventbus",
      "--address", "gamebus.modrinth.survival.in"));
    all.addAll(List.of(args));
    NodeScript bridge = NodeScript.start("bridge-client.mjs", all.toArray(String[]::new));
    bridge.awaitLine("READY", 30);
    return bridge;
  }

  static JsonObject envelope(String message) {
    return new JsonObject(message.substring("MESSAGE ".length()));
  }

  @Test
  void theBridgeClientSeesConsoleCommandsAndWritesBackToTheModrinthClient(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx);
    try (NodeScript client = modrinthClient(node);
         NodeScript bridge = bridge(node, "--expect-type", "command", "--send-address", "gamebus.modrinth.survival.out",
           "--send-body", "{\"event\":\"log\",\"stream\":\"stdout\",\"message\":\"from the browser\"}")) {
      client.send("connect");
      client.awaitSince(0, "CONNECTED", 30);
      // READY means the register frame was sent, not yet applied: send commands until one is seen
      String message = null;
      for (int attempt = 0; attempt < 40 && message == null; attempt++) {
        client.send("send {\"event\":\"command\",\"cmd\":\"list\"}");
        // the bridge may see the client's auth frame first
        for (String seen; message == null && (seen = bridge.pollLine("MESSAGE ", 500)) != null; ) {
          message = "command".equals(envelope(seen).getString("type")) ? seen : null;
        }
      }
      assertTrue(message != null, bridge.transcript());
      JsonObject envelope = envelope(message);
      assertEquals("survival", envelope.getString("endpoint"));
      assertEquals("command", envelope.getString("type"));
      assertEquals(new JsonObject().put("event", "command").put("cmd", "list").put("server", "demo"),
        envelope.getJsonObject("body"));
      assertTrue(bridge.awaitLine("REPLY", 10).contains("\"written\":1"), bridge.transcript());
      assertEquals(0, bridge.awaitExit(10), bridge.transcript());
      client.awaitSince(0, "EVENT {\"event\":\"log\",\"stream\":\"stdout\",\"message\":\"from the browser\"}", 10);
    }
  }

  @Test
  void theBridgeClientSeesTheAuthFrameWithItsJwtRedacted(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx);
    try (NodeScript client = modrinthClient(node);
         NodeScript bridge = bridge(node, "--expect-type", "auth")) {
      // each connect sends one auth frame: connect again until the bridge has seen one
      String message = null;
      for (int attempt = 0; attempt < 20 && message == null; attempt++) {
        int mark = client.lineCount();
        client.send("connect");
        client.awaitSince(mark, "CONNECTED", 30);
        message = bridge.pollLine("MESSAGE", 500);
        client.send("disconnect");
        client.awaitSince(mark, "DISCONNECTED", 10);
      }
      assertTrue(message != null, bridge.transcript());
      JsonObject body = envelope(message).getJsonObject("body");
      assertEquals(new JsonObject().put("event", "auth").put("jwt", "<redacted>").put("server", "demo"), body);
      assertFalse(bridge.transcript().contains("eyJ"), "no JWT reaches the bridge: " + bridge.transcript());
      assertEquals(0, bridge.awaitExit(10), bridge.transcript());
    }
  }
}
