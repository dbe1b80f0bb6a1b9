package io.gamebus.bridge;

import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.config.GamebusConfig;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafPorts;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.PageDriver;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example of src/docs/own-page.md (src/docs/examples/lobby-watch), served by a static web
 * server of its own on another origin, with the two client scripts from their npm packages, in
 * headless Chromium: on an origin in bridge.allowedOrigins it shows a FAF message live and a
 * refused register's err; on one that is not, it never opens (1002), /eventbus/info answers 403
 * and gamebus logs a WARNING — as the page documents.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
class OwnPageExampleTest {

  private static final Path EXAMPLE = Path.of("..", "src", "docs", "examples", "lobby-watch").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void onAnAllowedOriginTheExampleShowsMessagesAndARefusedRegister(Vertx vertx) throws Exception {
    assertTrue(Files.isRegularFile(EXAMPLE.resolve("index.html")), EXAMPLE.toString());
    try (PageDriver page = PageDriver.start()) {
      String origin = decode(page.run("SERVE " + EXAMPLE));
      GamebusNode node = start(vertx, new JsonArray().add(origin));
      String bridge = node.console().url() + "eventbus";
      FafTestClient client = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(5, TimeUnit.SECONDS);

      page.run("GOTO " + origin + "/index.html?bridge=" + bridge + "&address=gamebus.faf.lobby.in");
      page.await("document.getElementById('state').dataset.state === 'open'");
      String shown = null;
      for (int attempt = 0; attempt < 40 && shown == null; attempt++) {
        client.send(FafMessage.command("ask_session").with("user_agent", "own-page"));
        client.next("session").await(5, TimeUnit.SECONDS);
        Object li = page.eval("document.querySelector('#messages li')?.textContent || null");
        shown = li == null ? null : li.toString();
        if (shown == null) {
          Thread.sleep(250);
        }
      }
      assertTrue(shown != null && shown.contains(" ask_session {\"command\":\"ask_session\",\"user_agent\":\"own-page\"}"),
        page.transcript());

      // Registering on a point-to-point address is refused with an err frame that says why.
      page.run("GOTO " + origin + "/index.html?bridge=" + bridge + "&address=gamebus.faf.lobby.out");
      String refused = decode(page.await("document.querySelector('#errors li')?.textContent"));
      assertEquals("403 ACCESS_DENIED: listening on gamebus.faf.lobby.out is not permitted (bridge.outbound)", refused);
      assertEquals("open", page.eval("document.getElementById('state').dataset.state"), "the socket stays open");
    }
  }

  @Test
  void onAnOriginNotAllowedTheExampleNeverOpensAndGamebusSaysWhy(Vertx vertx) throws Exception {
    try (PageDriver page = PageDriver.start(); LogWarnings warnings = new LogWarnings()) {
      String origin = decode(page.run("SERVE " + EXAMPLE));
      GamebusNode node = start(vertx, new JsonArray());
      String bridge = node.console().url() + "eventbus";

      page.run("GOTO " + origin + "/index.html?bridge=" + bridge);
      String state = decode(page.await("document.getElementById('state').dataset.state === 'closed'"
        + " && document.getElementById('state').textContent"));
      assertEquals("closed 1002 Cannot connect to server (never opened)", state);

      URI info = URI.create(bridge + "/info");
      var answer = vertx.createHttpClient().request(new RequestOptions().setMethod(HttpMethod.GET)
          .setHost(info.getHost()).setPort(info.getPort()).setURI(info.getPath()).putHeader("Origin", origin))
        // The body is asked for on the event loop, before it can arrive and be gone.
        .compose(request -> request.send()).compose(response -> response.body()
          .map(body -> java.util.Map.entry(response.statusCode(), body.toString())))
        .await(10, TimeUnit.SECONDS);
      assertEquals(403, answer.getKey());
      assertEquals("origin not allowed\n", answer.getValue());
      java.util.logging.SimpleFormatter format = new java.util.logging.SimpleFormatter();
      assertTrue(warnings.records.stream().map(format::formatMessage)
        .anyMatch(m -> m.startsWith("Refused event-bus bridge connection from origin " + origin + " ")), warnings.describe());
    }
  }

  private GamebusNode start(Vertx vertx, JsonArray allowedOrigins) throws Exception {
    JsonObject json = TestConfigs.node(TestConfigs.fafServer("lobby", new Tokens(vertx, dir).secretFile())).toJson();
    json.getJsonObject("bridge").put("allowedOrigins", allowedOrigins);
    return GamebusNode.start(vertx, GamebusConfig.fromJson(json)).await(10, TimeUnit.SECONDS);
  }

  private static String decode(String json) {
    return (String) io.vertx.core.json.Json.decodeValue(json);
  }
}
