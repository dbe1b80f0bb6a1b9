package io.gamebus.faf;

import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.Conversation;
import io.gamebus.support.FafPorts;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code .sent} of FAF in both roles: what the peer received, in seq order with {@code .in}, tokens redacted. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class FafSentTest {

  @TempDir
  Path dir;
  Tokens tokens;
  GamebusNode server;
  Vertx vertx;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    tokens = new Tokens(vertx, dir);
    server = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile())))
      .await(10, TimeUnit.SECONDS);
  }

  private FafTestClient client() throws Exception {
    return FafTestClient.tcp(vertx, FafPorts.port(server, "lobby", "tcp")).await(10, TimeUnit.SECONDS);
  }

  @Test
  void whatALobbyClientReceivesIsOnSentRightAfterTheMessageItAnswers() throws Exception {
    Conversation lobby = Conversation.of(vertx, "faf", "lobby");
    FafTestClient c = client();
    c.send(FafMessage.command("ask_session").with("version", "1.0").with("user_agent", "test"));
    FafMessage session = c.next("session").await(10, TimeUnit.SECONDS);

    Envelope asked = lobby.await("in", "ask_session");
    Envelope answered = lobby.await("sent", "session");
    assertEquals(asked.seq() + 1, answered.seq(), "one counter: the answer follows the question");
    assertEquals(asked.connection(), answered.connection());
    assertEquals(session.json(), answered.body(), "the body is what the client received");

    String token = tokens.lobby(7, "seven");
    c.send(FafMessage.command("auth").with("unique_id", "uid").with("token", token).with("session", session.getLong("session")));
    FafMessage welcome = c.next("welcome").await(10, TimeUnit.SECONDS);
    assertEquals(welcome.json(), lobby.await("sent", "welcome").body());
    c.send(FafMessage.command("ping"));
    c.next("pong").await(10, TimeUnit.SECONDS);
    Envelope ping = lobby.await("in", "ping");
    assertEquals(ping.seq() + 1, lobby.await("sent", "pong").seq());

    assertTrue(lobby.seqsConsecutive(), "every seq on .in or .sent, none lost: " + lobby.ordered());
    List<String> flow = lobby.flow(e -> true);
    assertEquals(List.of("in ask_session", "sent session", "in auth", "sent irc_password", "sent welcome"), flow.subList(0, 5));
    for (Conversation.Entry e : lobby.ordered()) {
      assertFalse(e.envelope().encoded().toString().contains(token), "no token on the bus: " + e);
    }
  }

  @Test
  void aBroadcastIsOneEnvelopeNamingNoConnectionWithItsRecipients() throws Exception {
    Conversation lobby = Conversation.of(vertx, "faf", "lobby");
    FafTestClient a = client();
    FafTestClient b = client();
    for (FafTestClient c : List.of(a, b)) {
      c.send(FafMessage.command("auth").with("unique_id", "uid").with("token", tokens.lobby(c == a ? 1 : 2, "p")));
      c.next("welcome").await(10, TimeUnit.SECONDS);
    }
    JsonObject notice = new JsonObject().put("command", "notice").put("style", "info").put("text", "to all");
    assertEquals(2, Gamebus.of(vertx).broadcast("faf", "lobby", notice).await(10, TimeUnit.SECONDS).getInteger("written"));
    a.next("notice").await(10, TimeUnit.SECONDS);
    b.next("notice").await(10, TimeUnit.SECONDS);

    Envelope sent = lobby.await("sent", "notice");
    assertNull(sent.connection(), "a broadcast names no connection");
    assertEquals(2, sent.recipients());
    assertEquals(2, sent.toJson().getInteger("recipients"));
    assertEquals("to all", sent.body().getString("text"));
    assertEquals(1, lobby.flow(e -> e.type().equals("notice")).size(), "one envelope, not one per player");
  }

  @Test
  void theClientRoleShowsWhatItSentUpstreamAndTheLobbyReceivedTheSame() throws Exception {
    Conversation upstream = Conversation.of(vertx, "faf", "upstream");
    Conversation lobby = Conversation.of(vertx, "faf", "lobby");
    String token = tokens.lobby(21, "relay");
    GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafClient("upstream",
      "tcp://127.0.0.1:" + FafPorts.port(server, "lobby", "tcp"), tokens.tokenFile(dir, token)))).await(10, TimeUnit.SECONDS);

    Envelope auth = upstream.await("sent", "auth");
    assertEquals("<redacted>", auth.body().getString("token"), "the token is redacted as on .in");
    assertEquals(lobby.await("in", "auth").body(), auth.body(), "what the lobby decoded (redacted the same way)");
    assertEquals(lobby.await("in", "ask_session").body(), upstream.await("sent", "ask_session").body());
    upstream.await("in", "welcome");
    assertEquals(List.of("sent ask_session", "in session", "sent auth"), upstream.flow(e -> true).subList(0, 3));
    assertEquals(upstream.await("in", "session").connection(), auth.connection(), "the link's connection id");

    Gamebus.of(vertx).broadcast("faf", "upstream", new JsonObject().put("command", "game_host").put("visibility", "public"))
      .await(10, TimeUnit.SECONDS);
    Envelope hosted = upstream.await("sent", "game_host");
    assertEquals(lobby.await("in", "game_host").body(), hosted.body());
    assertEquals(auth.connection(), hosted.connection(), "the client role names its link, also for .out without a header");
    for (Conversation.Entry e : upstream.ordered()) {
      assertFalse(e.envelope().encoded().toString().contains(token), "no token on the bus: " + e);
    }
  }
}
