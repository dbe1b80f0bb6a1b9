package io.gamebus.examples;

import io.gamebus.support.FafPorts;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafTestClient;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example automation verticle counts per endpoint and type across two FAF endpoints. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class FafLobbyWatcherTest {

  @TempDir
  Path dir;

  @Test
  void countsMessagesPerEndpointAndTypeAcrossServerAndClientEndpoints(Vertx vertx) throws Exception {
    Tokens tokens = new Tokens(vertx, dir);
    vertx.deployVerticle(new FafLobbyWatcher(List.of("lobby", "upstream"))).await(5, TimeUnit.SECONDS);
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile())))
      .await(10, TimeUnit.SECONDS);
    // A client-role endpoint logged in to the server role: it receives the server's game_info.
    io.vertx.core.Promise<Void> loggedIn = io.vertx.core.Promise.promise();
    io.gamebus.bus.Gamebus.of(vertx).subscribe("faf", "upstream", "game_info", env -> loggedIn.tryComplete());
    GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafClient("upstream",
      "tcp://127.0.0.1:" + FafPorts.port(node, "lobby", "tcp"), tokens.tokenFile(dir, tokens.lobby(8, "w"))))).await(10, TimeUnit.SECONDS);
    loggedIn.future().await(10, TimeUnit.SECONDS);

    FafTestClient lobby = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(5, TimeUnit.SECONDS);
    lobby.send(FafMessage.command("ask_session")).send(FafMessage.command("ping")).send(FafMessage.command("ping"));
    lobby.next("pong").await(5, TimeUnit.SECONDS);
    lobby.next("pong").await(5, TimeUnit.SECONDS);

    JsonObject counts = vertx.eventBus().<JsonObject>request(FafLobbyWatcher.COUNTS_ADDRESS, null)
      .await(5, TimeUnit.SECONDS).body();
    // lobby: the upstream's ask_session and auth, then the test client's three messages
    assertEquals(new JsonObject().put("ask_session", 2L).put("auth", 1L).put("ping", 2L), counts.getJsonObject("lobby"));
    assertEquals(new JsonObject().put("session", 1L).put("irc_password", 1L).put("welcome", 1L)
      .put("player_info", 1L).put("social", 1L).put("game_info", 1L), counts.getJsonObject("upstream"));
  }
}
