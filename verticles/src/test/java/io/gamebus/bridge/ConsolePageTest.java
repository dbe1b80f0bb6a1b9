package io.gamebus.bridge;

import io.gamebus.support.FafPorts;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.NodeScript;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless Chromium (Debian's) loads the console and sees a FAF message appear on the page: over
 * the WebSocket, and, with WebSockets blocked, over the console's own fallback to SockJS's
 * xhr-streaming (or xhr-polling when asked for).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class ConsolePageTest {

  @TempDir
  Path dir;

  @Test
  void consoleShowsAFafMessageLive(Vertx vertx) throws Exception {
    NodeScript page = showsAFafMessageLive(vertx, "console.png");
    assertEquals("TRANSPORT websocket", page.awaitSince(0, "TRANSPORT", 1));
  }

  @Test
  void withWebSocketsBlockedTheConsoleFallsBackAndStaysLive(Vertx vertx) throws Exception {
    NodeScript page = showsAFafMessageLive(vertx, "console-fallback.png", "--block-websocket", "--send");
    assertTrue(page.transcript().contains("WEBSOCKET-BLOCKED"), "the console tried the WebSocket first");
    assertEquals("TRANSPORT xhr-streaming", page.awaitSince(0, "TRANSPORT", 1), page.transcript());
    assertTrue(page.awaitSince(0, "SENT", 1).startsWith("SENT ok {\"written\":1"), page.transcript());
  }

  @Test
  void overXhrPollingTheConsoleStaysLive(Vertx vertx) throws Exception {
    NodeScript page = showsAFafMessageLive(vertx, null, "--transports", "xhr-polling", "--send");
    assertEquals("TRANSPORT xhr-polling", page.awaitSince(0, "TRANSPORT", 1), page.transcript());
    assertTrue(page.awaitSince(0, "SENT", 1).startsWith("SENT ok {\"written\":1"), page.transcript());
  }

  @Test
  void aBurstLongerThanOneStreamingAnswerArrivesWhole(Vertx vertx) throws Exception {
    // vertx-web ends an xhr-streaming answer after 128 KiB; the console must ask again on the same
    // session and lose nothing. 200 envelopes of about 2 KB are three such answers.
    GamebusNode node = GamebusNode.start(vertx,
      TestConfigs.node(TestConfigs.fafServer("lobby", new Tokens(vertx, dir).secretFile()))).await(10, TimeUnit.SECONDS);
    try (NodeScript page = NodeScript.start("console.mjs", "--url", node.console().url(),
      "--expect-type", "probe,last", "--transports", "xhr-streaming")) {
      page.awaitLine("READY", 60);
      // READY means the page sent its registrations; the bridge does not acknowledge them.
      String row = null;
      for (int attempt = 0; attempt < 40 && row == null; attempt++) {
        vertx.eventBus().publish("gamebus.faf.lobby.in", envelope("probe", attempt, ""));
        row = page.pollLine("ROW", 500);
      }
      assertTrue(row != null, page.transcript());
      String pad = "x".repeat(2000);
      for (int seq = 1; seq <= 200; seq++) {
        vertx.eventBus().publish("gamebus.faf.lobby.in", envelope("bulk", seq, pad));
      }
      vertx.eventBus().publish("gamebus.faf.lobby.in", envelope("last", 201, ""));
      page.awaitLine("ROW", 30);
      JsonObject types = new JsonObject(page.awaitLine("TYPES", 5).substring("TYPES ".length()));
      assertEquals(200, types.getInteger("bulk"), page.transcript());
      assertEquals("TRANSPORT xhr-streaming", page.awaitSince(0, "TRANSPORT", 1));
      assertEquals(0, page.awaitExit(20), page.transcript());
    }
  }

  private static JsonObject envelope(String type, long seq, String pad) {
    return new JsonObject().put("protocol", "faf").put("endpoint", "lobby").put("type", type).put("seq", seq)
      .put("ts", System.currentTimeMillis()).put("body", new JsonObject().put("pad", pad));
  }

  /**
   * Opens the console, sends FAF traffic until its row appears (with --send the page then sends
   * the form to that connection; the FAF client gets it); returns the finished page script.
   */
  private NodeScript showsAFafMessageLive(Vertx vertx, String screenshot, String... options) throws Exception {
    assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
      "Debian's chromium is needed (apt-get install chromium); .ci/run installs it");
    GamebusNode node = GamebusNode.start(vertx,
      TestConfigs.node(TestConfigs.fafServer("lobby", new Tokens(vertx, dir).secretFile()))).await(10, TimeUnit.SECONDS);
    int wsPort = FafPorts.port(node, "lobby", "ws");
    List<String> args = new ArrayList<>(List.of("--url", node.console().url(), "--expect-type", "ask_session"));
    if (screenshot != null) {
      args.addAll(List.of("--screenshot", Path.of("target", screenshot).toAbsolutePath().toString()));
    }
    args.addAll(List.of(options));
    try (NodeScript page = NodeScript.start("console.mjs", args.toArray(String[]::new))) {
      page.awaitLine("READY", 60);
      FafTestClient client = FafTestClient.webSocket(vertx, wsPort).await(5, TimeUnit.SECONDS);
      // READY means the page sent its registrations; the bridge does not acknowledge them.
      String row = null;
      for (int attempt = 0; attempt < 40 && row == null; attempt++) {
        client.send(FafMessage.command("ask_session").with("user_agent", "console-test"));
        row = page.pollLine("ROW", 500);
      }
      assertTrue(row != null, page.transcript());
      assertTrue(row.contains("ask_session") && row.contains("console-test"), row);
      if (args.contains("--send")) {
        assertEquals("notice", client.next("notice").await(10, TimeUnit.SECONDS).command(),
          "the console's send reached the FAF client");
      }
      assertEquals(0, page.awaitExit(20), page.transcript());
      return page;
    }
  }
}
