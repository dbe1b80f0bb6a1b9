package io.gamebus.faf;

import io.gamebus.support.FafPorts;
import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bus contract of a FAF server endpoint: {@code .in}, {@code .in.<type>}, {@code .out}, endpoints. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class FafServerBusTest {

  @TempDir
  Path dir;
  Tokens tokens;
  GamebusNode node;
  int tcpPort;
  Gamebus bus;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    tokens = new Tokens(vertx, dir);
    JsonObject lobby = TestConfigs.fafServer("lobby", tokens.secretFile())
      .put("limits", new JsonObject().put("maxMessageBytes", 4096))
      .put("options", new JsonObject().put("pingIntervalSeconds", 1));
    node = GamebusNode.start(vertx, TestConfigs.node(lobby)).await(10, TimeUnit.SECONDS);
    tcpPort = FafPorts.port(node, "lobby", "tcp");
    bus = Gamebus.of(vertx);
  }

  private Future<FafTestClient> loggedIn(Vertx vertx, long player) {
    return FafTestClient.tcp(vertx, tcpPort).compose(c -> {
      c.send(FafMessage.command("auth").with("unique_id", "test-uid").with("token", tokens.lobby(player, "p" + player)));
      return c.next("game_info").map(c);
    });
  }

  @Test
  void everyDecodedMessageIsPublishedAsAnEnvelopeWithIncreasingSeq(Vertx vertx, VertxTestContext test) {
    Checkpoint typed = test.checkpoint();
    long[] lastSeq = {0};
    bus.subscribe("faf", "lobby", env -> test.verify(() -> {
      assertEquals("faf", env.protocol());
      assertEquals("lobby", env.endpoint());
      assertTrue(env.connection().startsWith(node.nodeId() + "-"), env.connection());
      // One counter with .sent: .in alone increases, with gaps where gamebus wrote (FafSentTest).
      assertTrue(env.seq() > lastSeq[0], "seq increases");
      lastSeq[0] = env.seq();
      if (env.type().equals("auth")) {
        assertEquals("<redacted>", env.body().getString("token"), "tokens never reach the bus");
      }
    }));
    bus.subscribe("faf", "lobby", "game.GameState", env -> test.verify(() -> {
      assertEquals("Lobby", env.body().getJsonArray("args").getString(0));
      assertEquals("game", env.body().getString("target"));
      typed.flag();
    }));
    loggedIn(vertx, 1).onComplete(test.succeeding(c -> c.send(FafMessage.command("GameState").with("args", new io.vertx.core.json.JsonArray().add("Lobby")).with("target", "game"))));
  }

  @Test
  void outReachesTheNamedConnectionAndNoHeaderReachesAll(Vertx vertx, VertxTestContext test) {
    io.vertx.core.Promise<String> firstId = io.vertx.core.Promise.promise();
    bus.subscribe("faf", "lobby", "ping", env -> firstId.tryComplete(env.connection()));
    loggedIn(vertx, 1).compose(a -> loggedIn(vertx, 2).compose(b -> {
      a.send(FafMessage.command("ping"));
      return a.next("pong").compose(p -> firstId.future()).compose(id -> bus.send("faf", "lobby", id,
          new JsonObject().put("command", "notice").put("style", "info").put("text", "only a")))
        .compose(ack -> {
          test.verify(() -> assertEquals(1, ack.getInteger("written")));
          return a.next("notice");
        })
        .compose(n -> bus.broadcast("faf", "lobby", new JsonObject().put("command", "notice").put("text", "all")))
        .compose(ack -> {
          test.verify(() -> assertEquals(2, ack.getInteger("written")));
          return Future.all(a.next("notice"), b.next("notice"));
        });
    })).onComplete(test.succeeding(both -> test.verify(() -> {
      FafMessage toA = both.resultAt(0);
      FafMessage toB = both.resultAt(1);
      assertEquals("all", toA.getString("text"));
      assertEquals("all", toB.getString("text"), "b never got the message meant for a only");
      test.completeNow();
    })));
  }

  @Test
  void outFailuresCarryClearCodes(Vertx vertx, VertxTestContext test) {
    bus.send("faf", "lobby", node.nodeId() + "-999", new JsonObject().put("command", "ping"))
      .recover(e -> {
        test.verify(() -> {
          assertEquals(404, ((ReplyException) e).failureCode());
          assertTrue(e.getMessage().startsWith("unknown_connection"), e.getMessage());
        });
        return bus.broadcast("faf", "lobby", new JsonObject().put("text", "no command"));
      })
      .recover(e -> {
        test.verify(() -> assertEquals(400, ((ReplyException) e).failureCode()));
        return bus.broadcast("faf", "lobby", new JsonObject().put("command", "notice").put("text", "x".repeat(5000)));
      })
      .onComplete(test.failing(e -> test.verify(() -> {
        assertEquals(413, ((ReplyException) e).failureCode());
        test.completeNow();
      })));
  }

  @Test
  void gamePasswordsReachTheBusButLoginCredentialsDoNot(Vertx vertx, VertxTestContext test) {
    bus.subscribe("faf", "lobby", "game_host", env -> test.verify(() -> {
      assertEquals("hunter2", env.body().getString("password"), "a game password is for the handler to check");
      test.completeNow();
    }));
    loggedIn(vertx, 6).onComplete(test.succeeding(c ->
      c.send(FafMessage.command("game_host").with("visibility", "public").with("password", "hunter2"))));
  }

  @Test
  void broadcastSkipsConnectionsThatHaveNotLoggedIn(Vertx vertx, VertxTestContext test) {
    FafTestClient.tcp(vertx, tcpPort).compose(anonymous -> loggedIn(vertx, 7))
      .compose(c -> bus.broadcast("faf", "lobby", new JsonObject().put("command", "notice").put("text", "players")))
      .onComplete(test.succeeding(ack -> test.verify(() -> {
        assertEquals(1, ack.getInteger("written"));
        test.completeNow();
      })));
  }

  @Test
  void authenticatedClientsArePingedAndPongIsAccepted(Vertx vertx, VertxTestContext test) {
    loggedIn(vertx, 3).compose(c -> c.next("ping").map(c))
      .compose(c -> c.send(FafMessage.command("pong")).send(FafMessage.command("ping")).next("pong"))
      .onComplete(test.succeedingThenComplete());
  }

  @Test
  void endpointsListingHasRoleStateConnectionsAndCounters(Vertx vertx, VertxTestContext test) {
    loggedIn(vertx, 4)
      .compose(c -> vertx.eventBus().<JsonObject>request("gamebus.endpoints", null))
      .onComplete(test.succeeding(reply -> test.verify(() -> {
        JsonObject lobby = reply.body().getJsonArray("endpoints").getJsonObject(0);
        assertEquals("faf", lobby.getString("protocol"));
        assertEquals("lobby", lobby.getString("name"));
        assertEquals("server", lobby.getString("role"));
        assertEquals("listening", lobby.getString("state"));
        assertEquals(1L, lobby.getLong("connections"));
        assertEquals(1L, lobby.getJsonObject("counters").getLong("in"));
        assertTrue(lobby.getJsonObject("counters").getLong("out") >= 5, "the login sequence at least");
        assertEquals(2, lobby.getJsonArray("listeners").size());
        test.completeNow();
      })));
  }

  @Test
  void envelopeSurvivesItsWireForm() {
    Envelope envelope = new Envelope("faf", "lobby", "n1-1", "game_info", 7, 1234,
      new JsonObject().put("command", "game_info").put("games", new io.vertx.core.json.JsonArray()));
    io.vertx.core.buffer.Buffer wire = io.vertx.core.buffer.Buffer.buffer();
    new io.gamebus.bus.EnvelopeCodec().encodeToWire(wire, envelope);
    Envelope back = new io.gamebus.bus.EnvelopeCodec().decodeFromWire(0, wire);
    assertEquals(envelope.toJson(), back.toJson());
    assertTrue(envelope.encoded() == envelope.encoded(), "encoded once");
  }
}
