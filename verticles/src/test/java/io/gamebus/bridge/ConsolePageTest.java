package io.gamebus.bridge;

import io.gamebus.support.FafPorts;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.NodeScript;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headless Chromium (Debian's) loads the console and sees a FAF message appear on the page. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class ConsolePageTest {

  @TempDir
  Path dir;

  @Test
  void consoleShowsAFafMessageLive(Vertx vertx) throws Exception {
    assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
      "Debian's chromium is needed (apt-get install chromium); .ci/run installs it");
    GamebusNode node = GamebusNode.start(vertx,
      TestConfigs.node(TestConfigs.fafServer("lobby", new Tokens(vertx, dir).secretFile()))).await(10, TimeUnit.SECONDS);
    int wsPort = FafPorts.port(node, "lobby", "ws");
    Path screenshot = Path.of("target", "console.png").toAbsolutePath();
    try (NodeScript page = NodeScript.start("console.mjs", "--url", node.console().url(),
      "--expect-type", "ask_session", "--screenshot", screenshot.toString())) {
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
      assertEquals(0, page.awaitExit(20), page.transcript());
    }
  }
}
