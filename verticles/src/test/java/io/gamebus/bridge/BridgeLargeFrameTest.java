package io.gamebus.bridge;

import io.gamebus.support.NodeScript;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages of every WebSocket length encoding (7, 16 and 64 bits), and past the 64 KiB at which a
 * socket hands its batch to Netty, written by the bridge's own frame encoding, arrive whole and in
 * order: at Vert.x's client on both WebSockets, and at the official client over SockJS's.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class BridgeLargeFrameTest {

  private static final String FEED = "test.feed";
  /** Envelope bodies around each encoding's range: 7-bit, 16-bit, 16-bit near its top, 64-bit, several batches. */
  private static final int[] BODIES = {10, 400, 65_000, 70_000, 300_000, 20};

  private static void publishAll(BridgeHarness bridge) {
    for (int i = 0; i < BODIES.length; i++) {
      bridge.publish(FEED, i + 1, BODIES[i]);
    }
  }

  private static void expectAll(BridgeWs ws) throws InterruptedException {
    for (int i = 0; i < BODIES.length; i++) {
      JsonObject frame = ws.next(10_000);
      assertEquals(i + 1, BridgeWs.seq(frame), "in order");
      assertEquals(BODIES[i], frame.getJsonObject("body").getJsonObject("body").getString("pad").length(),
        "whole: seq " + (i + 1));
    }
  }

  @Test
  void everyLengthEncodingArrivesWholeAndInOrderOnBothWebSockets(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject());
    BridgeWs raw = bridge.listening(FEED);
    BridgeWs sockJs = bridge.sockJs();
    sockJs.register(FEED);
    sockJs.sync();
    publishAll(bridge);
    expectAll(raw);
    expectAll(sockJs);
  }

  @Test
  void theOfficialClientOverSockJsWebSocketTakesAMessageOfMoreThan64KiB(Vertx vertx) throws Exception {
    io.gamebus.launcher.GamebusNode node = io.gamebus.launcher.GamebusNode.start(vertx,
      BridgeTransportsTest.config(new JsonObject())).await(10, TimeUnit.SECONDS);
    String readable = "gamebus.test.probe.in";
    String pad = "y".repeat(100_000);
    try (NodeScript script = NodeScript.start("bridge-client.mjs",
      "--url", node.console().url() + "eventbus",
      "--transports", "websocket",
      "--address", readable,
      "--expect-type", "big")) {
      assertEquals("OPEN websocket", script.awaitLine("OPEN", 30));
      script.awaitLine("READY", 10);
      String message = null;
      for (int attempt = 0; attempt < 40 && message == null; attempt++) {
        vertx.eventBus().publish(readable, new JsonObject().put("type", "big").put("attempt", attempt).put("pad", pad));
        message = script.pollLine("MESSAGE", 500);
      }
      assertTrue(message != null, script.transcript());
      assertEquals(pad, new JsonObject(message.substring("MESSAGE ".length())).getString("pad"));
      assertEquals(0, script.awaitExit(10), script.transcript());
    }
  }
}
