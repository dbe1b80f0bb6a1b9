package io.gamebus.red;

import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafPorts;
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

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A JSON-RPC client reaches another protocol through gamebus: subscribed to a topic mapped from a
 * FAF endpoint's {@code .in}, it sees a FAF client's message, then answers that FAF connection with
 * the example method {@code GAMEBUS__SEND}.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class RedToFafTest {

  @TempDir
  Path dir;

  @Test
  void aTopicCarriesFafTrafficAndGamebusSendReachesTheFafConnection(Vertx vertx) throws Exception {
    Tokens tokens = new Tokens(vertx, dir);
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile()),
      TestConfigs.redServer("bot", new JsonObject().put("exampleMethods", true)
        .put("topics", new JsonObject().put("FAF__ASK_SESSION", "gamebus.faf.lobby.in.ask_session")))))
      .await(10, TimeUnit.SECONDS);
    try (NodeScript red = RedServerNpmClientTest.client(node)) {
      red.send(new JsonObject().put("tag", "sub").put("subscribe", "FAF__ASK_SESSION").encode());
      assertEquals("RESULT sub [\"FAF__ASK_SESSION\"]", red.awaitLine("RESULT sub", 10));

      FafTestClient faf = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(10, TimeUnit.SECONDS);
      faf.send(FafMessage.command("ask_session"));
      JsonObject envelope = new JsonObject(red.awaitLine("NOTIFY FAF__ASK_SESSION", 10)
        .substring("NOTIFY FAF__ASK_SESSION ".length()));
      assertEquals("faf", envelope.getString("protocol"));
      assertEquals("ask_session", envelope.getString("type"));
      String connection = envelope.getString("connection");

      red.send(RedServerNpmClientTest.call("send", "GAMEBUS__SEND", new JsonObject().put("protocol", "faf")
        .put("endpoint", "lobby").put("connection", connection)
        .put("message", new JsonObject().put("command", "notice").put("style", "info").put("text", "hi from Red"))));
      assertEquals("RESULT send {\"written\":1}", red.awaitLine("RESULT send", 10));
      FafMessage notice = faf.next("notice").await(10, TimeUnit.SECONDS);
      assertEquals("hi from Red", notice.json().getString("text"));
      faf.close();
    }
  }
}
