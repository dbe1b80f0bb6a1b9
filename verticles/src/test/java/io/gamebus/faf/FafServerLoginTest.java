package io.gamebus.faf;

import io.gamebus.support.FafPorts;
import io.gamebus.bus.Envelope;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login flow of the server role over TCP, as faf.md §4 describes the real server's. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class FafServerLoginTest {

  @TempDir
  Path dir;
  Tokens tokens;
  GamebusNode node;
  int tcpPort;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    tokens = new Tokens(vertx, dir);
    node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile())))
      .await(10, TimeUnit.SECONDS);
    tcpPort = FafPorts.port(node, "lobby", "tcp");
  }

  @Test
  void askSessionIsAnsweredWithASessionNumber(Vertx vertx, VertxTestContext test) {
    FafTestClient.tcp(vertx, tcpPort)
      .compose(c -> c.send(FafMessage.command("ask_session").with("version", "1").with("user_agent", "test")).next())
      .onComplete(test.succeeding(session -> test.verify(() -> {
        assertEquals("session", session.command());
        long value = session.getLong("session");
        assertTrue(value >= 0 && value < 4_294_967_295L, "session in [0, 2^32-1): " + value);
        test.completeNow();
      })));
  }

  @Test
  void validTokenGetsTheDefaultLoginSequenceInOrder(Vertx vertx, VertxTestContext test) {
    String token = tokens.lobby(42, "alice");
    FafTestClient.tcp(vertx, tcpPort).compose(c -> {
      c.send(FafMessage.command("ask_session"));
      return c.next("session").compose(s -> {
        c.send(FafMessage.command("auth").with("unique_id", "test-uid").with("token", token).with("unique_id", "uid").with("session", s.getLong("session")));
        List<FafMessage> sequence = new ArrayList<>();
        return c.next().compose(m -> { sequence.add(m); return c.next(); })
          .compose(m -> { sequence.add(m); return c.next(); })
          .compose(m -> { sequence.add(m); return c.next(); })
          .compose(m -> { sequence.add(m); return c.next(); })
          .map(m -> { sequence.add(m); return sequence; });
      });
    }).onComplete(test.succeeding(sequence -> test.verify(() -> {
      assertEquals(List.of("irc_password", "welcome", "player_info", "social", "game_info"),
        sequence.stream().map(FafMessage::command).toList());
      JsonObject welcome = sequence.get(1).json();
      assertEquals(42L, welcome.getLong("id"));
      assertEquals("alice", welcome.getString("login"));
      JsonObject me = welcome.getJsonObject("me");
      assertEquals(42L, me.getLong("id"));
      assertNotNull(me.getString("country"), "faf-commons requires a non-null country");
      assertNotNull(me.getJsonObject("ratings"), "faf-commons requires non-null ratings");
      assertEquals(new JsonArray(), sequence.get(4).json().getJsonArray("games"));
      test.completeNow();
    })));
  }

  @Test
  void badTokenIsAnsweredAndTheConnectionStaysOpen(Vertx vertx, VertxTestContext test) {
    FafTestClient.tcp(vertx, tcpPort).compose(c -> {
      c.send(FafMessage.command("auth").with("unique_id", "test-uid").with("token", "not.a.jwt").with("unique_id", "x"));
      return c.next().compose(failed -> {
        test.verify(() -> assertEquals("authentication_failed", failed.command()));
        c.send(FafMessage.command("ping"));
        return c.next();
      });
    }).onComplete(test.succeeding(pong -> test.verify(() -> {
      assertEquals("pong", pong.command());
      test.completeNow();
    })));
  }

  @Test
  void tokenWithoutLobbyScopeIsRefused(Vertx vertx, VertxTestContext test) {
    String token = tokens.sign(new JsonObject().put("sub", "7").put("scp", new JsonArray().add("openid")));
    FafTestClient.tcp(vertx, tcpPort)
      .compose(c -> c.send(FafMessage.command("auth").with("unique_id", "test-uid").with("token", token)).next())
      .onComplete(test.succeeding(reply -> test.verify(() -> {
        assertEquals("authentication_failed", reply.command());
        assertTrue(reply.getString("text").contains("lobby"), reply.getString("text"));
        test.completeNow();
      })));
  }

  @Test
  void loginSequenceComesFromABusHandlerWhenOneIsRegistered(Vertx vertx, VertxTestContext test) {
    vertx.eventBus().<JsonObject>consumer("gamebus.faf.lobby.handle.login", request -> {
      JsonObject player = request.body().getJsonObject("player");
      request.reply(new JsonObject().put("messages", new JsonArray()
        .add(new JsonObject().put("command", "welcome").put("id", player.getLong("id")).put("login", "custom")
          .put("me", new JsonObject().put("id", player.getLong("id")).put("login", "custom")
            .put("country", "NZ").put("ratings", new JsonObject())))
        .add(new JsonObject().put("command", "notice").put("style", "info").put("text", "hello from the bus"))));
    });
    String token = tokens.lobby(5, "bob");
    FafTestClient.tcp(vertx, tcpPort).compose(c -> {
      c.send(FafMessage.command("auth").with("unique_id", "test-uid").with("token", token));
      return c.next().compose(welcome -> c.next().map(notice -> List.of(welcome, notice)));
    }).onComplete(test.succeeding(messages -> test.verify(() -> {
      assertEquals("custom", messages.get(0).getString("login"));
      assertEquals("hello from the bus", messages.get(1).getString("text"));
      test.completeNow();
    })));
  }

  @Test
  void loginHandlerFailureBecomesAuthenticationFailed(Vertx vertx, VertxTestContext test) {
    vertx.eventBus().consumer("gamebus.faf.lobby.handle.login", request -> request.fail(403, "You are banned"));
    FafTestClient.tcp(vertx, tcpPort)
      .compose(c -> c.send(FafMessage.command("auth").with("unique_id", "test-uid").with("token", tokens.lobby(9, "eve"))).next())
      .onComplete(test.succeeding(reply -> test.verify(() -> {
        assertEquals("authentication_failed", reply.command());
        assertEquals("You are banned", reply.getString("text"));
        test.completeNow();
      })));
  }

  @Test
  void aBrokenLoginHandlerReplyIsAnsweredWithoutDetailsAndAnnounced(Vertx vertx, VertxTestContext test) throws Exception {
    io.gamebus.bus.Gamebus bus = io.gamebus.bus.Gamebus.of(vertx);
    bus.handle("faf", "lobby", "login", call -> io.vertx.core.Future.succeededFuture(new JsonObject().put("messages", "none")))
      .await(5, TimeUnit.SECONDS);
    io.vertx.core.Promise<io.gamebus.bus.Status> announced = io.vertx.core.Promise.promise();
    bus.statusEvents("faf", "lobby", status -> {
      if (status.event() == io.gamebus.bus.StatusEvent.HANDLER_FAILED) {
        announced.tryComplete(status);
      }
    }).completion().await(5, TimeUnit.SECONDS);
    FafTestClient.tcp(vertx, tcpPort)
      .compose(c -> c.send(FafMessage.command("auth").with("unique_id", "test-uid").with("token", tokens.lobby(9, "eve"))).next())
      .compose(reply -> announced.future().map(status -> {
        test.verify(() -> {
          assertEquals("authentication_failed", reply.command());
          assertEquals("Login is not available right now, please try again later", reply.getString("text"));
          assertTrue(status.detail().startsWith("login: bad_reply: reply is invalid: "), status.detail());
        });
        return null;
      }))
      .onComplete(test.succeedingThenComplete());
  }

  @Test
  void messagesSentRightAfterAuthWaitForTheLoginAndAreHandledInOrder(Vertx vertx, VertxTestContext test) {
    List<String> seen = new ArrayList<>();
    vertx.eventBus().<Envelope>consumer("gamebus.faf.lobby.in", m -> seen.add(m.body().type()));
    FafTestClient.tcp(vertx, tcpPort).compose(c -> {
      // auth and a post-login command in the same TCP write: the second must not be judged pre-login
      c.sendRaw("{\"command\":\"auth\",\"unique_id\":\"u\",\"token\":\"" + tokens.lobby(3, "c") + "\"}\n{\"command\":\"game_host\",\"visibility\":\"public\"}\n");
      return c.next("game_info").map(c);
    }).onComplete(test.succeeding(c -> vertx.setTimer(200, t -> test.verify(() -> {
      assertFalse(c.isClosed(), "connection must stay open");
      assertEquals(List.of("auth", "game_host"), seen);
      test.completeNow();
    }))));
  }

  @Test
  void secondLoginOfTheSamePlayerKicksTheFirst(Vertx vertx, VertxTestContext test) {
    String token = tokens.lobby(77, "twice");
    FafTestClient.tcp(vertx, tcpPort).compose(first -> {
      first.send(FafMessage.command("auth").with("unique_id", "test-uid").with("token", token));
      return first.next("game_info").compose(x -> FafTestClient.tcp(vertx, tcpPort)).compose(second -> {
        second.send(FafMessage.command("auth").with("unique_id", "test-uid").with("token", token));
        return first.next("notice").compose(kick -> first.closed().map(kick));
      });
    }).onComplete(test.succeeding(kick -> test.verify(() -> {
      assertEquals("kick", kick.getString("style"));
      test.completeNow();
    })));
  }
}
