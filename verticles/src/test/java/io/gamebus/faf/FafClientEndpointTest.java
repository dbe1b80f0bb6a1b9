package io.gamebus.faf;

import io.gamebus.support.FafPorts;
import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Promise;
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

/** The client role against our own server role, over WebSocket and TCP, on one bus. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class FafClientEndpointTest {

  @TempDir
  Path dir;
  Tokens tokens;
  GamebusNode server;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    tokens = new Tokens(vertx, dir);
    server = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile())))
      .await(10, TimeUnit.SECONDS);
  }

  private void logsInAndRelays(Vertx vertx, VertxTestContext test, String url) throws Exception {
    Gamebus bus = Gamebus.of(vertx);
    Checkpoint welcomed = test.checkpoint();
    Checkpoint noticeArrived = test.checkpoint();
    bus.statuses("faf", "upstream", status -> {
      if ("authenticated".equals(status.getString("state"))) {
        welcomed.flag();
        // Now the client is logged in: what .out carries reaches the server and comes back on its .in.
        bus.broadcast("faf", "upstream", new JsonObject().put("command", "game_host").put("visibility", "public"))
          .onComplete(test.succeeding(ack -> test.verify(() -> assertEquals(1, ack.getInteger("written")))));
      }
    });
    bus.subscribe("faf", "lobby", "game_host", env ->
      // The server side answers through its own .out; the client side publishes what it receives.
      bus.reply(env, new JsonObject().put("command", "notice").put("style", "info").put("text", "hosted")));
    bus.subscribe("faf", "upstream", "notice", env -> test.verify(() -> {
      assertEquals("hosted", env.body().getString("text"));
      noticeArrived.flag();
    }));
    String token = tokens.tokenFile(dir, tokens.lobby(21, "relay"));
    GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafClient("upstream", url, token)));
  }

  @Test
  void logsInOverWebSocketAndRelaysBothWays(Vertx vertx, VertxTestContext test) throws Exception {
    logsInAndRelays(vertx, test, "ws://127.0.0.1:" + FafPorts.port(server, "lobby", "ws") + "/");
  }

  @Test
  void logsInOverTcpAndRelaysBothWays(Vertx vertx, VertxTestContext test) throws Exception {
    logsInAndRelays(vertx, test, "tcp://127.0.0.1:" + FafPorts.port(server, "lobby", "tcp"));
  }

  @Test
  void publishesTheLoginSequenceItReceives(Vertx vertx, VertxTestContext test) {
    Checkpoint types = test.checkpoint(5);
    Gamebus bus = Gamebus.of(vertx);
    for (String type : new String[] {"session", "irc_password", "welcome", "player_info", "social"}) {
      bus.subscribe("faf", "upstream", type, env -> test.verify(() -> {
        assertEquals("faf", env.protocol());
        assertEquals("upstream", env.endpoint());
        types.flag();
      }));
    }
    String url = "ws://127.0.0.1:" + FafPorts.port(server, "lobby", "ws") + "/";
    GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafClient("upstream", url,
      tokens.tokenFile(dir, tokens.lobby(22, "watch")))));
  }

  @Test
  void reconnectsAfterTheServerGoesAwayAndFailsFastMeanwhile(Vertx vertx, VertxTestContext test) throws Exception {
    int port = FafPorts.port(server, "lobby", "tcp");
    Gamebus bus = Gamebus.of(vertx);
    Promise<Void> firstLogin = Promise.promise();
    Promise<Void> linkClosed = Promise.promise();
    Checkpoint reconnected = test.checkpoint();
    int[] logins = {0};
    bus.statuses("faf", "upstream", status -> {
      if ("authenticated".equals(status.getString("state")) && ++logins[0] == 1) {
        firstLogin.complete();
      } else if ("authenticated".equals(status.getString("state"))) {
        reconnected.flag();
      } else if ("connection-closed".equals(status.getString("state"))) {
        linkClosed.tryComplete();
      }
    });
    GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafClient("upstream", "tcp://127.0.0.1:" + port,
      tokens.tokenFile(dir, tokens.lobby(23, "again")))));
    firstLogin.future()
      .compose(v -> server.stop())
      .compose(v -> linkClosed.future()) // the client has seen the link drop, so .out must fail fast
      .compose(v -> bus.broadcast("faf", "upstream", new JsonObject().put("command", "ping"))
        .recover(e -> {
          test.verify(() -> {
            assertEquals(503, ((ReplyException) e).failureCode());
            assertTrue(e.getMessage().startsWith("not_connected"), e.getMessage());
          });
          // The same port again: the client finds the server back and logs in again.
          JsonObject lobby = TestConfigs.fafServer("lobby", tokens.secretFile());
          lobby.getJsonArray("listeners").getJsonObject(0).put("port", port);
          lobby.getJsonArray("listeners").getJsonObject(1).put("port", 0);
          return restart(vertx, lobby, 40).map(n -> new JsonObject());
        }))
      .onFailure(test::failNow);
  }

  /**
   * Starts the server on its old port, retrying: the client reconnecting meanwhile may briefly hold
   * that port (on loopback a connection to a closed port in the ephemeral range can get that port).
   */
  private static io.vertx.core.Future<GamebusNode> restart(Vertx vertx, JsonObject lobby, int attempts) {
    return GamebusNode.start(vertx, TestConfigs.node(lobby)).recover(e -> attempts <= 1
      ? io.vertx.core.Future.failedFuture(e)
      : io.vertx.core.Future.<GamebusNode>future(p -> vertx.setTimer(50, t -> restart(vertx, lobby, attempts - 1).onComplete(p))));
  }

  /**
   * Found by the reliability battery: a frozen upstream was noticed only after 135 s (three silent
   * ping intervals) while .out kept answering "written".
   */
  @Test
  void aFrozenUpstreamIsNoticedWithinPingIntervalPlusPongTimeout(Vertx vertx, VertxTestContext test) {
    int[] connections = {0};
    Checkpoint frozen = test.checkpoint();
    Checkpoint reconnected = test.checkpoint();
    vertx.createNetServer().connectHandler(socket -> {
      if (++connections[0] == 2) {
        reconnected.flag();
      }
      socket.handler(bytes -> { }); // reads everything, answers nothing: a frozen lobby
    }).listen(0, "127.0.0.1").onComplete(test.succeeding(server -> {
      Gamebus.of(vertx).statuses("faf", "upstream", status -> {
        if ("connection-error".equals(status.getString("state")) && connections[0] == 1) {
          test.verify(() -> assertEquals("no answer to our ping within 1 s (pongTimeoutSeconds): the server seems frozen;"
            + " link closed", status.getString("detail")));
          frozen.flag();
        }
      });
      JsonObject endpoint = TestConfigs.fafClient("upstream", "tcp://127.0.0.1:" + server.actualPort(), null)
        // The read-idle timeout (3 x the ping interval, 3 s here) would otherwise race the ping's
        // verdict (due at 2-3 s) on a loaded machine; this test is about the ping.
        .put("options", new JsonObject().put("pingIntervalSeconds", 1).put("pongTimeoutSeconds", 1)
          .put("readIdleTimeoutSeconds", 60));
      GamebusNode.start(vertx, TestConfigs.node(endpoint));
    }));
  }

  @Test
  void hostileServerSendingGarbageIsReportedAndReconnectedTo(Vertx vertx, VertxTestContext test) {
    int[] connections = {0};
    Checkpoint badInput = test.checkpoint();
    Checkpoint secondConnection = test.checkpoint();
    vertx.createNetServer().connectHandler(socket -> {
      if (++connections[0] == 2) {
        secondConnection.flag();
      }
      socket.write("{\"command\":\"session\",\"session\":1}\nthis is not json\n");
    }).listen(0, "127.0.0.1").onComplete(test.succeeding(hostile -> {
      Gamebus.of(vertx).statuses("faf", "upstream", status -> {
        if ("bad-input".equals(status.getString("state")) && connections[0] == 1) {
          badInput.flag();
        }
      });
      GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafClient("upstream",
        "tcp://127.0.0.1:" + hostile.actualPort(), null)));
    }));
  }

  @Test
  void sessionMessagesArriveAsEnvelopesWithTheLinkConnectionId(Vertx vertx, VertxTestContext test) {
    String url = "tcp://127.0.0.1:" + FafPorts.port(server, "lobby", "tcp");
    Gamebus.of(vertx).subscribe("faf", "upstream", "session", (Envelope env) -> test.verify(() -> {
      assertTrue(env.connection() != null && env.connection().contains("-"), env.connection());
      test.completeNow();
    }));
    GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafClient("upstream", url, null)));
  }
}
