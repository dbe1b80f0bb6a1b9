package io.gamebus.bridge;

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official client in headless Chromium, loaded by script tags on a page of another origin
 * (allowed through {@code bridge.allowedOrigins}), on each SockJS transport; and with every
 * WebSocket blocked, SockJS falls back on its own and the page still receives and requests.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class BridgeBrowserTransportsTest {

  private static final String READABLE = "gamebus.test.probe.in";
  private static final String WRITABLE = "gamebus.test.probe.request";

  /** Runs the page to its reply; returns the transport SockJS opened on. */
  private String run(Vertx vertx, NodeScript page, String question) throws Exception {
    return run(vertx, page, question, "über \"quoted\"");
  }

  /** As {@link #run(Vertx, NodeScript, String)}, the probe published carrying {@code text}. */
  private String run(Vertx vertx, NodeScript page, String question, String text) throws Exception {
    String origin = page.awaitLine("PAGE", 20).substring("PAGE ".length());
    GamebusNode node = GamebusNode.start(vertx, BridgeTransportsTest.config(new JsonObject()
      .put("allowedOrigins", new JsonArray().add(origin)))).await(10, TimeUnit.SECONDS);
    MessageConsumer<Object> service = vertx.eventBus().consumer(WRITABLE,
      request -> request.reply(new JsonObject().put("answer", "pong").put("asked", request.body())));
    service.completion().await(5, TimeUnit.SECONDS);
    page.send(node.console().url() + "eventbus");
    String open = page.awaitLine("OPEN", 60);
    page.awaitLine("READY", 10);
    // READY means the register frame was sent, not yet applied: publish until one arrives.
    String message = null;
    for (int attempt = 0; attempt < 40 && message == null; attempt++) {
      vertx.eventBus().publish(READABLE, new JsonObject().put("type", "probe").put("text", text));
      message = page.pollLine("MESSAGE", 500);
    }
    assertTrue(message != null, page.transcript());
    assertEquals(text, new JsonObject(message.substring("MESSAGE ".length())).getString("text"));
    JsonObject reply = new JsonObject(page.awaitLine("REPLY", 15).substring("REPLY ".length()));
    assertEquals("pong", reply.getString("answer"), page.transcript());
    assertEquals(question, reply.getJsonObject("asked").getString("question"));
    assertEquals(0, page.awaitExit(15), page.transcript());
    return open.substring("OPEN ".length());
  }

  private static NodeScript page(String... more) throws Exception {
    assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
      "Debian's chromium is needed (apt-get install chromium); .ci/run installs it");
    List<String> args = new java.util.ArrayList<>(List.of("--address", READABLE, "--expect-type", "probe",
      "--send-address", WRITABLE));
    args.addAll(List.of(more));
    return NodeScript.start("official-browser.mjs", args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "xhr-streaming", "xhr-polling", "eventsource"})
  void officialClientInChromiumOnEachTransport(String transport, Vertx vertx) throws Exception {
    String question = "asked over " + transport;
    try (NodeScript page = page("--transports", transport,
      "--send-body", new JsonObject().put("question", question).encode())) {
      assertEquals(transport, run(vertx, page, question), page.transcript());
    }
  }

  /**
   * A message of more than 64 KiB (a 64-bit WebSocket length, in the frame the bridge encodes
   * itself) reaches the official client in Chromium whole.
   */
  @Test
  void aMessageOfMoreThan64KiBReachesThePageWholeOverTheWebSocket(Vertx vertx) throws Exception {
    String question = "asked after a large message";
    try (NodeScript page = page("--transports", "websocket",
      "--send-body", new JsonObject().put("question", question).encode())) {
      assertEquals("websocket", run(vertx, page, question, "über " + "z".repeat(100_000)), page.transcript());
    }
  }

  @Test
  void withWebSocketsBlockedSockJsFallsBackByItself(Vertx vertx) throws Exception {
    String question = "asked without WebSocket";
    try (NodeScript page = page("--block-websocket",
      "--send-body", new JsonObject().put("question", question).encode())) {
      String transport = run(vertx, page, question);
      assertFalse(page.linesSince(0, "WEBSOCKET-BLOCKED").isEmpty(), "SockJS tried the WebSocket first");
      // SockJS's order in Chromium: websocket, then xhr-streaming (eventsource, xhr-polling after)
      assertEquals("xhr-streaming", transport, page.transcript());
    }
  }

  @Test
  void aPageOfAnOriginNotAllowedNeverOpens(Vertx vertx) throws Exception {
    try (NodeScript page = page("--send-body", "{}")) {
      page.awaitLine("PAGE", 20);
      GamebusNode node = GamebusNode.start(vertx, BridgeTransportsTest.config(new JsonObject()))
        .await(10, TimeUnit.SECONDS);
      page.send(node.console().url() + "eventbus");
      // SockJS asks /info first; its 403 (without CORS headers) ends the attempt
      String closed = page.awaitLine("CLOSED", 60);
      assertEquals("CLOSED 1002 Cannot connect to server", closed, page.transcript());
      assertTrue(page.linesSince(0, "OPEN").isEmpty(), page.transcript());
      assertEquals(2, page.awaitExit(15), page.transcript());
    }
  }
}
