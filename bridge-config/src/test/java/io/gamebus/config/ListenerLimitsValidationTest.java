package io.gamebus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.gamebus.config.ValidationTest.assertError;
import static io.gamebus.config.ValidationTest.config;
import static io.gamebus.config.ValidationTest.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listener origins, the slow-consumer limit, and the limits a protocol cannot honour. */
class ListenerLimitsValidationTest {

  private static JsonObject webSocket(JsonObject extra) {
    return new JsonObject().put("transport", "websocket").put("port", 1).mergeIn(extra);
  }

  private static JsonObject withListener(JsonObject listener) {
    return server("a", 1).put("listeners", new JsonArray().add(listener));
  }

  private static JsonObject dfhack() {
    return server("fortress", 1).put("protocol", "dfhack");
  }

  @Test
  void webSocketListenersTakeAllowedOrigins() {
    EndpointConfig endpoint = GamebusConfig.fromJson(config(withListener(webSocket(new JsonObject()
      .put("allowedOrigins", new JsonArray().add("http://localhost:3000")))))).endpoints().get(0);
    assertEquals(List.of("http://localhost:3000"), endpoint.listeners().get(0).allowedOrigins());
    assertEquals(List.of(), GamebusConfig.fromJson(config(withListener(webSocket(new JsonObject()))))
      .endpoints().get(0).listeners().get(0).allowedOrigins(), "none by default");
  }

  @Test
  void allowedOriginsAreCheckedAndWebSocketOnly() {
    assertError("endpoints[0].listeners[0].allowedOrigins[0]: 'localhost:3000' is not an origin like http://localhost:3000",
      config(withListener(webSocket(new JsonObject().put("allowedOrigins", new JsonArray().add("localhost:3000"))))));
    assertError("endpoints[0].listeners[0].allowedOrigins: only websocket listeners check origins",
      config(withListener(new JsonObject().put("transport", "tcp").put("port", 1)
        .put("allowedOrigins", new JsonArray().add("http://localhost:3000")))));
  }

  @Test
  void slowConsumerSecondsHasADefaultAndMustBePositive() {
    assertEquals(LimitsConfig.DEFAULT_SLOW_CONSUMER_SECONDS, LimitsConfig.defaults().slowConsumerSeconds());
    assertError("endpoints[0].limits.slowConsumerSeconds: 0 is not positive",
      config(server("a", 1).put("limits", new JsonObject().put("slowConsumerSeconds", 0))));
  }

  @Test
  void badInputLogLevelDefaultsToInfoAndTakesOnlyKnownLevels() {
    assertEquals("info", LimitsConfig.defaults().badInputLogLevel());
    assertEquals("off", GamebusConfig.fromJson(config(server("a", 1).put("limits",
      new JsonObject().put("badInputLogLevel", "off")))).endpoints().get(0).limits().badInputLogLevel());
    assertError("endpoints[0].limits.badInputLogLevel: 'loud' is not one of off, debug, info, warning",
      config(server("a", 1).put("limits", new JsonObject().put("badInputLogLevel", "loud"))));
  }

  @Test
  void dfhackHasNoLoginSoALoginTimeoutIsAnError() {
    assertError("endpoints[0].limits.loginTimeoutSeconds: DFHack has no login; remove this limit",
      config(dfhack().put("limits", new JsonObject().put("loginTimeoutSeconds", 10))));
  }

  @Test
  void dfhackSpeaksTcpOnly() {
    assertError("endpoints[0].listeners[0].transport: DFHack speaks TCP only",
      config(dfhack().put("listeners", new JsonArray().add(webSocket(new JsonObject())))));
  }

  private static JsonObject rpfm() {
    return withListener(webSocket(new JsonObject().put("path", "/ws"))).put("protocol", "rpfm");
  }

  @Test
  void rpfmSpeaksWebSocketOnlyAndHasNoLogin() {
    assertError("endpoints[0].listeners[0].transport: RPFM speaks WebSocket only",
      config(rpfm().put("listeners", new JsonArray().add(new JsonObject().put("transport", "tcp").put("port", 1)))));
    assertError("endpoints[0].limits.loginTimeoutSeconds: RPFM has no login; remove this limit",
      config(rpfm().put("limits", new JsonObject().put("loginTimeoutSeconds", 10))));
    assertError("endpoints[0].url: RPFM speaks WebSocket only: ws:// or wss://",
      config(new JsonObject().put("protocol", "rpfm").put("name", "remote").put("role", "client")
        .put("url", "tcp://127.0.0.1:45127")));
  }

  @Test
  void rpfmMessagesAndFramesDefaultTo64MiBBecauseRawFilesTravelAsNumberArraysInOneFrame() {
    LimitsConfig limits = GamebusConfig.fromJson(config(rpfm())).endpoints().get(0).limits();
    assertEquals(64 * 1024 * 1024, limits.maxMessageBytes());
    assertEquals(64 * 1024 * 1024, limits.maxFrameBytes());
    LimitsConfig smaller = GamebusConfig.fromJson(config(rpfm().put("limits", new JsonObject()
      .put("maxMessageBytes", 1024)))).endpoints().get(0).limits();
    assertEquals(1024, smaller.maxFrameBytes(), "a frame never exceeds a message");
    LimitsConfig larger = GamebusConfig.fromJson(config(rpfm().put("limits", new JsonObject()
      .put("maxMessageBytes", 128 * 1024 * 1024)))).endpoints().get(0).limits();
    assertEquals(128 * 1024 * 1024, larger.maxFrameBytes(), "RPFM's peers send every message as one frame");
  }

  @Test
  void everyOtherLimitIsHonouredByDfhackAndFaf() {
    JsonObject limits = new JsonObject().put("maxMessagesPerSecond", 100).put("maxFrameBytes", 1024)
      .put("idleTimeoutSeconds", 60).put("maxPendingWriteBytes", 4096).put("slowConsumerSeconds", 5);
    LimitsConfig parsed = GamebusConfig.fromJson(config(dfhack().put("limits", limits))).endpoints().get(0).limits();
    assertEquals(100, parsed.maxMessagesPerSecond());
    assertTrue(parsed.isSet("maxMessagesPerSecond"));
    assertFalse(parsed.isSet("loginTimeoutSeconds"));
    GamebusConfig.fromJson(config(server("a", 1).put("limits", limits.copy().put("loginTimeoutSeconds", 10))));
  }
}
