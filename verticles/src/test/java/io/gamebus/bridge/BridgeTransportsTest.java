package io.gamebus.bridge;

import io.gamebus.config.GamebusConfig;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.NodeScript;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official {@code @vertx/eventbus-bridge-client.js} in Node, forced onto each SockJS transport
 * through SockJS's own {@code transports} option (sockjs-client's Node build implements all four:
 * faye-websocket, node:http for the XHR ones, the {@code eventsource} package), receives what is
 * published on a readable address and gets the reply to a request on a writable one.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class BridgeTransportsTest {

  private static final String READABLE = "gamebus.test.probe.in";
  private static final String WRITABLE = "gamebus.test.probe.request";

  static GamebusConfig config(JsonObject bridge) {
    return GamebusConfig.fromJson(new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("bridge", bridge)
      .put("endpoints", new JsonArray()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "xhr-streaming", "xhr-polling", "eventsource"})
  void officialClientReceivesAndRequestsOnEachTransport(String transport, Vertx vertx) throws Exception {
    GamebusNode node = GamebusNode.start(vertx, config(new JsonObject())).await(10, TimeUnit.SECONDS);
    // A service on the bus that answers what the browser asks, naming the request it got.
    MessageConsumer<Object> service = vertx.eventBus().consumer(WRITABLE,
      request -> request.reply(new JsonObject().put("answer", "pong").put("asked", request.body())));
    service.completion().await(5, TimeUnit.SECONDS);
    try (NodeScript script = NodeScript.start("bridge-client.mjs",
      "--url", node.console().url() + "eventbus",
      "--transports", transport,
      "--address", READABLE,
      "--expect-type", "probe",
      "--send-address", WRITABLE,
      "--send-body", "{\"question\":\"ping over " + transport + "\"}")) {
      assertEquals("OPEN " + transport, script.awaitLine("OPEN", 30), "SockJS used the forced transport");
      script.awaitLine("READY", 10);
      // READY means the register frame was sent, not yet applied: publish until one arrives.
      String message = null;
      for (int attempt = 0; attempt < 40 && message == null; attempt++) {
        vertx.eventBus().publish(READABLE, new JsonObject().put("type", "probe").put("attempt", attempt)
          .put("text", "über \"quoted\" \u2028 line"));
        message = script.pollLine("MESSAGE", 500);
      }
      assertTrue(message != null, script.transcript());
      JsonObject received = new JsonObject(message.substring("MESSAGE ".length()));
      assertEquals("probe", received.getString("type"));
      assertEquals("über \"quoted\" \u2028 line", received.getString("text"), "text survives the transport's framing");
      JsonObject reply = new JsonObject(script.awaitLine("REPLY", 10).substring("REPLY ".length()));
      assertEquals("pong", reply.getString("answer"));
      assertEquals("ping over " + transport, reply.getJsonObject("asked").getString("question"),
        "the request reached the bus service whole");
      assertEquals(0, script.awaitExit(10), script.transcript());
    }
  }

  @Test
  void aTransportTurnedOffIsNotOfferedToTheOfficialClient(Vertx vertx) throws Exception {
    GamebusNode node = GamebusNode.start(vertx,
      config(new JsonObject().put("transports", new JsonArray().add("websocket")))).await(10, TimeUnit.SECONDS);
    try (NodeScript script = NodeScript.start("bridge-client.mjs",
      "--url", node.console().url() + "eventbus",
      "--transports", "xhr-streaming",
      "--address", READABLE,
      "--expect-type", "probe")) {
      String error = script.awaitLine("ERROR", 30);
      assertTrue(error.contains("could not open"), script.transcript());
      assertEquals(2, script.awaitExit(10), script.transcript());
    }
  }
}
